/**
 * Providers' own help pages on creating an app password, linked from the hosted page's sign-in
 * hint and from password errors (issue 19). Only providers whose table entry says `appPasswords`
 * show the hint; a provider without a page here gets the hint without a link.
 */
export const APP_PASSWORD_HELP: Record<string, string> = {
  gmail: 'https://support.google.com/accounts/answer/185833',
  yahoo: 'https://help.yahoo.com/kb/generate-third-party-passwords-sln15241.html',
  aol: 'https://help.aol.com/articles/Create-and-manage-app-password',
  icloud: 'https://support.apple.com/en-us/102654',
  fastmail: 'https://www.fastmail.help/hc/en-us/articles/360058752854',
  yandex: 'https://yandex.com/support/id/authorization/app-passwords.html',
};

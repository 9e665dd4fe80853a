import type { MessageKey } from './en.ts';

/** The hosted login page in German (same keys as en.ts; the type system checks none is missing). */
export const de: Record<MessageKey, string> = {
  'page.title': 'Ihr Postfach mit {app} verbinden',
  'page.lead.email': 'Geben Sie zuerst Ihre E-Mail-Adresse ein.',
  'page.lead.password': 'Geben Sie das Passwort dieses Postfachs ein.',
  'page.lead.reconnect': 'Melden Sie sich erneut an, um dieses Postfach wieder mit {app} zu verbinden.',
  'page.footer': 'Geschützt durch Latchkey. Ihr Passwort geht nur an Ihren E-Mail-Anbieter, der es prüft.',
  'scopes.line': '{app} kann dann {list}.',
  'scope.email': 'Ihre E-Mails lesen, senden und ordnen',
  'scope.email.modify': 'Ihre E-Mails lesen und ordnen',
  'scope.email.read_only': 'Ihre E-Mails lesen',
  'scope.email.send': 'E-Mails in Ihrem Namen senden',
  'scope.email.folders_and_labels': 'Ihre Ordner und Labels verwalten',
  'scope.email.metadata': 'Absender, Empfänger und Betreff Ihrer E-Mails sehen',
  'scope.email.drafts': 'Ihre Entwürfe verwalten',
  'scope.calendar': 'Ihren Kalender sehen und ändern',
  'scope.calendar.read_only': 'Ihren Kalender sehen',
  'scope.calendar.free_busy': 'sehen, wann Sie frei oder beschäftigt sind',
  'scope.room_resources.read_only': 'die Besprechungsräume Ihrer Organisation sehen',
  'scope.contacts': 'Ihre Kontakte sehen und ändern',
  'scope.contacts.read_only': 'Ihre Kontakte sehen',
  'field.name': 'Ihr Name',
  'field.email': 'E-Mail-Adresse',
  'field.password': 'Passwort',
  'field.password.kept': 'Ihr Passwort von eben ist gespeichert: Lassen Sie das Feld leer, um es wieder zu verwenden.',
  'field.server': '{protocol}-Server',
  'field.port': 'Port',
  'field.security': 'Sicherheit',
  'security.auto': 'Automatisch',
  'security.ssl': 'SSL/TLS',
  'security.starttls': 'STARTTLS',
  'servers.title': 'Einstellungen des Mailservers',
  'servers.lead': 'Die Mailserver von {domain} wurden nicht automatisch gefunden. Die Hilfeseiten Ihres Anbieters nennen sie.',
  'provider.found': 'Anbieter: {provider}',
  'provider.server': 'Mailserver: {host}',
  'hint.app_password':
    '{provider} verlangt hier ein App-Passwort – nicht Ihr übliches Passwort –, wenn die Bestätigung in zwei Schritten aktiv ist.',
  'hint.help': 'So erstellen Sie ein App-Passwort',
  'button.continue': 'Weiter',
  'button.connect': 'Verbinden',
  'button.change': 'Andere Adresse verwenden',
  'button.cancel': 'Abbrechen',
  'progress.detect': 'Ihr E-Mail-Anbieter wird gesucht…',
  'progress.verify': 'Anmeldung bei {provider} wird geprüft… Das kann bis zu einer Minute dauern.',
  'progress.verify.generic': 'Anmeldung bei Ihrem Mailserver wird geprüft… Das kann bis zu einer Minute dauern.',
  'error.details': 'Technische Einzelheiten',
  'error.help': 'Hilfe von {provider}',
  'error.name_missing': 'Bitte geben Sie Ihren Namen ein.',
  'error.email_missing': 'Bitte geben Sie Ihre E-Mail-Adresse ein.',
  'error.email_invalid': 'Bitte geben Sie eine vollständige E-Mail-Adresse ein, etwa name@example.com.',
  'error.password_missing': 'Bitte geben Sie Ihr Passwort ein.',
  'error.servers_missing': 'Bitte geben Sie Servername und Port beider Mailserver ein.',
  'error.invalid_credentials':
    'Ihr E-Mail-Anbieter hat diese Adresse und dieses Passwort nicht angenommen. Prüfen Sie beides und versuchen Sie es noch einmal.',
  'error.app_password_required':
    'Ihr E-Mail-Anbieter verlangt hier ein App-Passwort statt Ihres üblichen Passworts. Erstellen Sie eines ' +
    'in den Sicherheitseinstellungen Ihres Kontos und geben Sie es stattdessen ein.',
  'error.web_login_required':
    'Ihr E-Mail-Anbieter möchte, dass Sie sich zuerst auf seiner Website anmelden und bestätigen, dass Sie ' +
    'es sind. Tun Sie das und versuchen Sie es dann noch einmal.',
  'error.imap_disabled':
    'Der Zugriff durch E-Mail-Programme (IMAP) ist für dieses Postfach ausgeschaltet. Schalten Sie ihn in ' +
    'Ihren E-Mail-Einstellungen ein und versuchen Sie es noch einmal.',
  'error.smtp_auth_disabled':
    'Das Senden aus E-Mail-Programmen ist für dieses Postfach ausgeschaltet. Schalten Sie es in Ihren E-Mail-Einstellungen ' +
    'ein und versuchen Sie es noch einmal.',
  'error.mailbox_access_denied':
    'Ihr Passwort wurde angenommen, aber das Postfach ließ sich nicht öffnen. Bitte fragen Sie Ihre E-Mail-Administration.',
  'error.oauth_required':
    '{provider} nimmt hier keine Passwörter von anderen Apps an, deshalb kann diese Seite das Postfach nicht verbinden.',
  'error.security_mismatch':
    'Die Sicherheitseinstellung passt nicht zu diesem Port. Wählen Sie bei Sicherheit „Automatisch“ oder prüfen Sie den Port.',
  'error.certificate_invalid':
    'Das Sicherheitszertifikat des Mailservers gilt nicht für diesen Namen. Prüfen Sie den Servernamen oder fragen Sie Ihren Anbieter.',
  'error.dns_not_found': 'Diesen Servernamen gibt es nicht. Prüfen Sie die Schreibweise.',
  'error.unreachable': 'Der Mailserver war nicht erreichbar. Prüfen Sie Servername und Port.',
  'error.no_answer':
    'Der Mailserver hat nicht richtig geantwortet. Versuchen Sie es in einigen Minuten noch einmal; wenn ' +
    'es dabei bleibt, prüfen Sie Servername und Port.',
  'error.wrong_kind': 'Dieser Port gehört zu einer anderen Art von Server. Prüfen Sie den Port.',
  'error.refused_method':
    'Der Mailserver lässt Apps auf diese Weise nicht anmelden. Prüfen Sie die Einstellungen oder fragen Sie Ihren Anbieter.',
  'error.rate_limited': 'Zu viele Versuche. Bitte warten Sie {minutes} Minute(n) und versuchen Sie es dann noch einmal.',
  'error.busy': 'Gerade melden sich sehr viele an. Bitte versuchen Sie es in einer Minute noch einmal.',
  'error.account_mismatch': 'Dieser Link verbindet ein anderes Postfach neu. Öffnen Sie den Link aus der erhaltenen Nachricht noch einmal.',
  'error.internal': 'Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.',
  'error.other': 'Das hat nicht geklappt. Prüfen Sie Ihre Eingaben und versuchen Sie es noch einmal.',
  'errorpage.link': 'Dieser Anmeldelink kann nicht verwendet werden',
  'errorpage.csrf': 'Das Formular konnte nicht geprüft werden',
  'errorpage.expired': 'Diese Anmeldeseite ist abgelaufen',
  'errorpage.csrf.text':
    'Dieses Formular konnte nicht geprüft werden: Bitte gehen Sie zurück zur Anwendung und beginnen Sie die ' +
    'Anmeldung neu (die Seite wurde in einem anderen Browser geöffnet oder ihr Cookie wurde blockiert).',
  'errorpage.expired.text': 'Bitte gehen Sie zurück zur Anwendung und beginnen Sie die Anmeldung neu.',
};

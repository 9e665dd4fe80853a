/** Settings variant E1 (reference §2.4): an Exchange mailbox verified over EWS with a password. */
export interface ExchangeLogin {
  /** `user@domain`, `DOMAIN\user` or a bare name. */
  username: string;
  password: string;
  /** `exchange_server_host` (or `eas_server_host`); absent → Autodiscover. Port defaults to 443. */
  server: { host: string; port: number } | undefined;
  /** The EWS URL found before (stored after Autodiscover); used instead of the host when present. */
  ewsUrl?: URL;
}

/** The applications aggregate of the store contract (store.ts). Times are Unix seconds. */
export interface Application {
  clientId: string;
  name: string;
  secretHash: string;
  iconUrl: string | null;
  redirectUris: string[];
  createdAt: number;
  /** The secret replaced by the last rotation, accepted until `previousSecretExpiresAt` (Unix seconds). */
  previousSecretHash?: string | null;
  previousSecretExpiresAt?: number | null;
  /** The hosted login page's accent colour, `#rrggbb` (issue 8), or null. */
  accentColor?: string | null;
  /**
   * Issue 14: the application opted in to reading its accounts' credentials
   * (`credentials_release`; off by default).
   */
  credentialsRelease?: boolean;
}

/** Application fields the management API may change (`PUT /a/{client_id}`); absent fields stay. */
export interface ApplicationChanges {
  name?: string;
  iconUrl?: string | null;
  redirectUris?: string[];
  accentColor?: string | null;
  credentialsRelease?: boolean;
}

export interface ApplicationStore {
  createApplication(app: Application): Promise<void>;
  findApplication(clientId: string): Promise<Application | undefined>;
  listApplications(): Promise<Application[]>;
  /** Makes `secretHash` the current secret; the old one stays valid until `previousExpiresAt` (Unix seconds; null: not at all). */
  rotateApplicationSecret(clientId: string, secretHash: string, previousExpiresAt: number | null): Promise<boolean>;
  /** Deletes the application with its accounts, credentials, tokens, webhooks and unredeemed codes, atomically. */
  deleteApplication(clientId: string): Promise<boolean>;
  /** Application fields the management API may change (`PUT /a/{client_id}`); absent fields stay. */
  updateApplication(clientId: string, changes: ApplicationChanges): Promise<Application | undefined>;
}

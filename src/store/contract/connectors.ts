/**
 * A Nylas v3 connector (issue 15): the application's own OAuth client for one provider. The
 * client secret is held only as `secretEnvelope` (AEAD, AAD `connector:<clientId>:<provider>:client_secret`).
 * Times are Unix seconds.
 */
export interface ConnectorRow {
  clientId: string;
  /** `google` or `microsoft`. */
  provider: string;
  name: string;
  /** Settings that are not secret: the OAuth `client_id`, and `tenant` / `topic_name` when given. */
  settings: Record<string, string>;
  scope: string[];
  secretEnvelope: string;
  keyVersion: string;
  createdAt: number;
  updatedAt: number;
}

export interface ConnectorStore {
  /** Stores a new connector. @throws Conflict when the application has one for this provider already. */
  createConnector(row: ConnectorRow): Promise<void>;
  /** Replaces a connector's fields (all but the keys and `createdAt`). Returns whether it existed. */
  updateConnector(row: ConnectorRow): Promise<boolean>;
  /** An application's connectors, by provider name. */
  listConnectors(clientId: string): Promise<ConnectorRow[]>;
  findConnector(clientId: string, provider: string): Promise<ConnectorRow | undefined>;
  /** Deletes the application's connector for this provider. Returns whether it existed. */
  deleteConnector(clientId: string, provider: string): Promise<boolean>;
  /** Connectors whose client secret is encrypted under another key version than `version`. */
  connectorsNotUnder(version: string): Promise<ConnectorRow[]>;
  /** Replaces a connector's client-secret envelope if it is still `expected` (compare-and-swap). */
  reencryptConnectorSecret(clientId: string, provider: string, envelope: string, keyVersion: string, expected: string): Promise<boolean>;
  /** How many connector client secrets each key version encrypts. */
  connectorCountsByVersion(): Promise<Record<string, number>>;
}

import { hashSecret, newId, newSecret } from '../crypto/tokens.ts';
import type { Store } from '../store/store.ts';
import { redirectUriProblem } from '../manage/validate.ts';

export interface CreatedApplication {
  client_id: string;
  client_secret: string;
  name: string;
  redirect_uris: string[];
}

/**
 * Creates an application. The client secret is returned once, here; only its hash is stored.
 * @throws Error when a redirect URI is not https (or http on localhost).
 */
export async function createApplication(store: Store, name: string, redirectUris: string[], now: number): Promise<CreatedApplication> {
  for (const uri of redirectUris) {
    const problem = redirectUriProblem(uri);
    if (problem) throw new Error(problem);
  }
  const clientId = newId();
  const clientSecret = newSecret('clientSecret');
  await store.createApplication({
    clientId,
    name,
    secretHash: hashSecret(clientSecret),
    iconUrl: null,
    redirectUris,
    createdAt: Math.floor(now / 1000),
  });
  return { client_id: clientId, client_secret: clientSecret, name, redirect_uris: redirectUris };
}

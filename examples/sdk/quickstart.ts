// Connects alice of the development mail server (README "Try it") through the SDK:
//   CLIENT_ID=… CLIENT_SECRET=… npx tsx examples/sdk/quickstart.ts
import { Latchkey, LatchkeyError } from '../../packages/sdk/src/index.ts'; // outside this repository: '@latchkey/sdk'

const lk = new Latchkey({ baseUrl: process.env.LATCHKEY_URL ?? 'http://localhost:8787', clientId: process.env.CLIENT_ID!, clientSecret: process.env.CLIENT_SECRET });
try {
  // provider "imap" with only a password: Latchkey finds the servers (data/dev-providers.json names example.test's).
  const { code } = await lk.connect.authorize({ name: 'Alice', email_address: 'alice@example.test', provider: 'imap', settings: { password: 'alice-secret' } });
  const { access_token } = await lk.connect.token(code);      // backend only: uses clientSecret
  const account = await lk.account.get(access_token);         // { id, email_address, sync_state, … }
  console.log('connected', account.email_address, account.id, account.sync_state);
} catch (err) {
  if (err instanceof LatchkeyError) console.error(err.status, err.reason, err.step, err.message, err.missingFields, err.serverError, err.retryAfter);
  else console.error(err);
  process.exitCode = 1;
}

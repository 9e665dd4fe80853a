/**
 * Tiny test PKI built on the `openssl` CLI: a private CA, leaf certificates signed by it
 * (optionally already expired) and self-signed certificates. Keys are EC P-256 (fast to generate).
 * Everything is written into a directory chosen by the caller; nothing here is for production use.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A certificate authority created by {@link makeCA}. */
export interface CA {
  certPath: string;
  keyPath: string;
  certPem: string;
}

/** A certificate plus its private key, as files and as PEM text. */
export interface IssuedCert {
  certPath: string;
  keyPath: string;
  certPem: string;
  keyPem: string;
}

/** Subject alternative names of a certificate. */
export interface SanOptions {
  dnsNames: string[];
  ipAddresses: string[];
}

/** Options for {@link issueCert}. Dates default to "one minute ago" and "in 30 days". */
export interface LeafOptions extends SanOptions {
  /** Base name of the files written (`<name>.crt`, `<name>.key`); also the subject CN. */
  name: string;
  notBefore?: Date;
  notAfter?: Date;
}

const DAY_MS = 86_400_000;

async function openssl(args: string[]): Promise<void> {
  try {
    await run('openssl', args);
  } catch (err) {
    const e = err as Error & { stderr?: string };
    throw new Error(`openssl ${args[0]} failed: ${e.stderr?.trim() || e.message}`);
  }
}

function safeName(name: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`unsafe certificate name: ${JSON.stringify(name)}`);
  return name;
}

/** `[alt]` section listing the SANs, or '' when there are none. */
function altSection(san: SanOptions): string {
  const lines = [
    ...san.dnsNames.map((d, i) => `DNS.${i + 1} = ${d}`),
    ...san.ipAddresses.map((ip, i) => `IP.${i + 1} = ${ip}`),
  ];
  return lines.length ? `[alt]\n${lines.join('\n')}\n` : '';
}

/** openssl `ca -startdate/-enddate` format: YYYYMMDDHHMMSSZ (UTC). */
function asn1Time(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z');
}

const KEY_ARGS = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/** Create a self-signed CA certificate `<name>.crt` / `<name>.key` in `dir` (valid 10 years). */
export async function makeCA(dir: string, name: string): Promise<CA> {
  safeName(name);
  await mkdir(dir, { recursive: true });
  const cnf = join(dir, `${name}.cnf`);
  const certPath = join(dir, `${name}.crt`);
  const keyPath = join(dir, `${name}.key`);
  await writeFile(cnf, [
    '[req]', 'distinguished_name = dn', 'x509_extensions = ext', 'prompt = no',
    '[dn]', `CN = ${name}`,
    '[ext]', 'basicConstraints = critical, CA:TRUE', 'keyUsage = critical, keyCertSign, cRLSign',
    'subjectKeyIdentifier = hash', '',
  ].join('\n'));
  await openssl(['req', '-x509', '-config', cnf, ...KEY_ARGS, '-days', '3650', '-keyout', keyPath, '-out', certPath]);
  return { certPath, keyPath, certPem: await readFile(certPath, 'utf8') };
}

/**
 * Issue a server certificate signed by `ca`, with the given SANs and validity window.
 * Uses `openssl ca -startdate/-enddate`, so past dates (an already-expired certificate) work
 * on OpenSSL 3.0, which lacks `x509 -not_before/-not_after`.
 */
export async function issueCert(dir: string, ca: CA, opts: LeafOptions): Promise<IssuedCert> {
  const name = safeName(opts.name);
  const notBefore = opts.notBefore ?? new Date(Date.now() - 60_000);
  const notAfter = opts.notAfter ?? new Date(Date.now() + 30 * DAY_MS);
  const db = join(dir, `.${name}.ca-db`);
  await mkdir(db, { recursive: true });
  await writeFile(join(db, 'index.txt'), '');
  const cnf = join(dir, `${name}.cnf`);
  const csr = join(dir, `${name}.csr`);
  const certPath = join(dir, `${name}.crt`);
  const keyPath = join(dir, `${name}.key`);
  const alt = altSection(opts);
  await writeFile(cnf, [
    '[req]', 'distinguished_name = dn', 'prompt = no', '[dn]', `CN = ${name}`,
    '[ca]', 'default_ca = ca_default',
    '[ca_default]', `database = ${join(db, 'index.txt')}`, `new_certs_dir = ${db}`, 'rand_serial = yes',
    'default_md = sha256', 'policy = policy_any', 'unique_subject = no', 'copy_extensions = none',
    '[policy_any]', 'commonName = supplied',
    '[ext]', 'basicConstraints = critical, CA:FALSE', 'keyUsage = critical, digitalSignature, keyEncipherment',
    'extendedKeyUsage = serverAuth', 'subjectKeyIdentifier = hash', 'authorityKeyIdentifier = keyid',
    ...(alt ? ['subjectAltName = @alt', alt] : ['']),
  ].join('\n'));
  await openssl(['req', '-new', '-config', cnf, ...KEY_ARGS, '-keyout', keyPath, '-out', csr]);
  await openssl([
    'ca', '-batch', '-notext', '-config', cnf, '-extensions', 'ext', '-cert', ca.certPath, '-keyfile', ca.keyPath,
    '-startdate', asn1Time(notBefore), '-enddate', asn1Time(notAfter), '-in', csr, '-out', certPath,
  ]);
  return { certPath, keyPath, certPem: await readFile(certPath, 'utf8'), keyPem: await readFile(keyPath, 'utf8') };
}

/** Create a self-signed (untrusted by anyone) server certificate `self-signed.crt` / `.key` in `dir`. */
export async function selfSigned(dir: string, san: SanOptions): Promise<IssuedCert> {
  await mkdir(dir, { recursive: true });
  const cn = san.dnsNames[0] ?? san.ipAddresses[0] ?? 'self-signed';
  const cnf = join(dir, 'self-signed.cnf');
  const certPath = join(dir, 'self-signed.crt');
  const keyPath = join(dir, 'self-signed.key');
  const alt = altSection(san);
  await writeFile(cnf, [
    '[req]', 'distinguished_name = dn', 'x509_extensions = ext', 'prompt = no', '[dn]', `CN = ${cn}`,
    '[ext]', 'basicConstraints = critical, CA:FALSE', 'keyUsage = critical, digitalSignature, keyEncipherment',
    'extendedKeyUsage = serverAuth', 'subjectKeyIdentifier = hash',
    ...(alt ? ['subjectAltName = @alt', alt] : ['']),
  ].join('\n'));
  await openssl(['req', '-x509', '-config', cnf, ...KEY_ARGS, '-days', '30', '-keyout', keyPath, '-out', certPath]);
  return { certPath, keyPath, certPem: await readFile(certPath, 'utf8'), keyPem: await readFile(keyPath, 'utf8') };
}

// A self-signed certificate for the fixture hosts, made at test time with openssl.
// OpenAI's hosts are HSTS-preloaded, so the fixture pages must be HTTPS; the browsers are told
// to accept this certificate (Chromium --ignore-certificate-errors, Firefox acceptInsecureCerts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { opensslProgram } from './harness/requirements';

export function makeCertificate(hosts: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'll-cert-'));
  const config = join(dir, 'openssl.cnf');
  writeFileSync(
    config,
    [
      '[req]',
      'distinguished_name = dn',
      'x509_extensions = ext',
      'prompt = no',
      '[dn]',
      'CN = Likeness Ledger fixtures',
      '[ext]',
      'basicConstraints = critical, CA:FALSE',
      'keyUsage = critical, digitalSignature, keyEncipherment',
      'extendedKeyUsage = serverAuth',
      `subjectAltName = ${hosts.map((h) => `DNS:${h}`).join(', ')}`,
    ].join('\n'),
  );
  execFileSync(opensslProgram(), [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-config', config,
  ], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')), dir };
}

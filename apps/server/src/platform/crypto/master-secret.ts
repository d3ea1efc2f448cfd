import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * The master secret: YIYANG_SECRET when set (required for several server processes, which must
 * share it), otherwise a random key generated once into DATA_DIR/secret.key (mode 0600), never
 * in the repository. Losing it makes the encrypted personal data unreadable: back it up.
 */
export function loadMasterSecret(
  secret: string | undefined,
  dataDir: string,
): { secret: Buffer; source: 'env' | 'file' | 'generated' } {
  if (secret) return { secret: Buffer.from(secret, 'utf8'), source: 'env' };
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file))
    return { secret: Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'), source: 'file' };
  mkdirSync(dataDir, { recursive: true });
  const generated = randomBytes(32);
  writeFileSync(file, generated.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { secret: generated, source: 'generated' };
}

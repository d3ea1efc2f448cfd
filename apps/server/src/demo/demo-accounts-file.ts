import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DemoAccount } from './demo-accounts';

/**
 * Demo passwords are random per installation; they are kept beside the data (readable by the
 * owner only) so that every start can show them again. Demo mode only.
 */
const fileOf = (dataDir: string) => path.join(dataDir, 'demo-accounts.json');

export function saveDemoAccounts(dataDir: string, accounts: DemoAccount[]): void {
  // With PostgreSQL nothing else has created the data directory.
  mkdirSync(dataDir, { recursive: true });
  const file = fileOf(dataDir);
  writeFileSync(file, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
}

export function loadDemoAccounts(dataDir: string): DemoAccount[] | null {
  const file = fileOf(dataDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[]) : null;
}

export function formatDemoAccounts(accounts: DemoAccount[]): string {
  const width = Math.max(...accounts.map((a) => a.username.length));
  return accounts
    .map((a) => `  ${a.username.padEnd(width)}  ${a.password}  ${a.role} · ${a.displayName}`)
    .join('\n');
}

import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPiiCipher } from './pii-cipher';
import { loadMasterSecret } from './master-secret';

const cipher = createPiiCipher('a-test-master-secret-of-32-bytes!!');

describe('PiiCipher', () => {
  it('round-trips and never stores the clear value', () => {
    const stored = cipher.encrypt('15010219491231123X');
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain('15010219491231123X');
    expect(cipher.decrypt(stored)).toBe('15010219491231123X');
  });

  it('gives different ciphertexts for the same value, but the same blind index', () => {
    expect(cipher.encrypt('x')).not.toBe(cipher.encrypt('x'));
    expect(cipher.blindIndex('15010219491231123X')).toBe(cipher.blindIndex('15010219491231123X'));
    expect(cipher.blindIndex('15010219491231123X')).not.toBe(cipher.blindIndex('150102194912311230'));
  });

  it('never reuses an IV, also across refills of its random pool', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const stored = cipher.encrypt('13800138000');
      ivs.add(Buffer.from(stored.slice(3), 'base64').subarray(0, 12).toString('hex'));
      expect(cipher.decrypt(stored)).toBe('13800138000');
    }
    expect(ivs.size).toBe(2000);
  });

  it('refuses a tampered ciphertext and another key', () => {
    const stored = cipher.encrypt('secret');
    const tampered = stored.slice(0, -4) + (stored.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => cipher.decrypt(tampered)).toThrow();
    expect(() => createPiiCipher('another-master-secret-of-32-bytes!').decrypt(stored)).toThrow();
  });

  it('keys the blind index: another secret gives another index', () => {
    expect(createPiiCipher('another-master-secret-of-32-bytes!').blindIndex('x')).not.toBe(
      cipher.blindIndex('x'),
    );
  });
});

describe('loadMasterSecret', () => {
  it('generates a key file readable by the owner only, and reads it back next time', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yiyang-secret-'));
    const first = loadMasterSecret(undefined, dir);
    expect(first.source).toBe('generated');
    expect(statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    const second = loadMasterSecret(undefined, dir);
    expect(second.source).toBe('file');
    expect(second.secret.equals(first.secret)).toBe(true);
    expect(loadMasterSecret('x'.repeat(32), dir).source).toBe('env');
  });

  it('encrypts files as bytes: round-trips, hides the clear text, refuses a tampered one', () => {
    const file = Buffer.from('身份证号,姓名\n150102194801010011,张桂兰\n', 'utf8');
    const stored = cipher.encryptBytes(file);
    expect(stored.includes(Buffer.from('150102194801010011'))).toBe(false);
    expect(cipher.decryptBytes(stored).equals(file)).toBe(true);
    stored.writeUInt8(stored.readUInt8(stored.length - 1) ^ 1, stored.length - 1);
    expect(() => cipher.decryptBytes(stored)).toThrow();
  });
});

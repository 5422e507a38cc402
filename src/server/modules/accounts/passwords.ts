import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { dictionary } from '@zxcvbn-ts/language-common';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: string,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

// scrypt is memory-hard: N=16384, r=16 needs 32 MiB per hash. Same parameters and "salt:key" hex format as
// better-auth's default, computed by Node's native scrypt on the libuv pool instead of blocking the event loop.
const PARAMS: crypto.ScryptOptions = { N: 16384, r: 16, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 64;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16).toString('hex');
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, PARAMS);
  return `${salt}:${key.toString('hex')}`;
}

export async function verifyPassword({ hash, password }: { hash: string; password: string }): Promise<boolean> {
  const [salt, keyHex] = hash.split(':');
  if (!salt || !keyHex) return false;
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, PARAMS);
  const expected = Buffer.from(keyHex, 'hex');
  return expected.length === key.length && crypto.timingSafeEqual(expected, key);
}

const common = new Set<string>(dictionary['passwords-common'] as string[]);
for (const extra of ['kindred', 'recovery', 'sobriety', 'onedayatatime', 'serenity', 'higherpower', 'letgoletgod']) {
  common.add(extra);
}

/**
 * True for passwords on the common-password list (about 49,000 entries from zxcvbn-ts), including the list's
 * words dressed up with leading or trailing digits and symbols ("Password2024!") and single repeated characters.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (common.has(lower)) return true;
  if (/^(.)\1+$/u.test(lower)) return true;
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  return core.length >= 3 && common.has(core);
}

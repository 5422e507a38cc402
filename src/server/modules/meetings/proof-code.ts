import crypto from 'node:crypto';

/**
 * Verification codes for proofs of attendance: 16 characters of Crockford's base32 (80 random bits), read aloud or
 * typed from paper by a court clerk. The alphabet leaves out I, L, O and U, so what a person mistypes for a letter
 * that is not there can be read back as the digit they meant.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 16;

/** A new code, stored and compared without hyphens. */
export function newProofCode(): string {
  const bytes = crypto.randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let code = '';
  for (let i = CODE_LENGTH - 1; i >= 0; i--) code += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

/** XXXX-XXXX-XXXX-XXXX, as printed. */
export const groupCode = (code: string) => code.match(/.{1,4}/g)!.join('-');

/**
 * The stored form of what someone typed: any case, with or without hyphens or spaces, O read as 0 and I or L as 1.
 * Null when it cannot be a code, so a lookup is not even tried.
 */
export function normalizeProofCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!ALPHABET.includes(ch)) return null;
  return code;
}

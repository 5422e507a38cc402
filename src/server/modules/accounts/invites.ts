import crypto from 'node:crypto';

/** Invite links carry a random token; only its SHA-256 is stored, so a database dump cannot be used to join. */
export const newInviteToken = () => crypto.randomBytes(32).toString('base64url');
export const hashInviteToken = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

export function inviteStatus(row: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()) {
  if (row.usedAt) return 'used' as const;
  if (row.revokedAt) return 'revoked' as const;
  if (row.expiresAt <= now) return 'expired' as const;
  return 'pending' as const;
}

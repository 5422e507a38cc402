import { createInviteBody } from '../../contracts/admin.ts';
import type { DemoStep } from './seed.ts';

/** Pending invitations, without an email address (nothing is sent), so the coordinator's pages are not empty. */
const INVITATIONS = [
  { roles: [], expiresInDays: 14 },
  { roles: ['peer_supporter'], expiresInDays: 30 },
  { roles: ['facilitator'], expiresInDays: 7 },
] as const;

export const seedInvitations: DemoStep = async ({ app, coordinator }) => {
  for (const invitation of INVITATIONS) {
    await app.services.admin.createInvite(coordinator, createInviteBody.parse(invitation), 'en');
  }
  return { 'pending invitations': INVITATIONS.length };
};

import type { z } from 'zod';
import type { Locale } from '../../../contracts/common.ts';
import { type attendanceProof, type AttendanceOption, meetingLimits, type proofBody, type proofEntry, type proofVerification } from '../../../contracts/meetings.ts';
import { type Actor, authorize } from '../../access.ts';
import { notFound, validationFailed } from '../../http/errors.ts';
import { rateRules } from '../../http/rate-limit.ts';
import type { ServiceContext } from '../context.ts';
import { addDays, daysBetween } from '../journey/dates.ts';
import { memberClock } from '../journey/member-clock.ts';
import { groupCode, newProofCode, normalizeProofCode } from './proof-code.ts';
import { renderProofPdf } from './proof-pdf.ts';
import { type AttendedRow, type ProofRow, proofRepo } from './proof-repo.ts';

export type ProofEntry = z.infer<typeof proofEntry>;
type AttendanceProof = z.infer<typeof attendanceProof>;
type ProofVerification = z.infer<typeof proofVerification>;

/** Written in place of any address for a meeting held online; the conference link is never copied. */
export const ONLINE = 'Online';

/** Where the member was, as a proof prints it: the room's name and address, or "Online", never a link. */
export function locationOf(row: Pick<AttendedRow, 'attendance' | 'locationName' | 'formattedAddress' | 'approximateAddress'>): string | null {
  if (row.attendance === 'online') return ONLINE;
  const room = [row.locationName.trim(), row.formattedAddress?.trim() ?? ''].filter(Boolean).join(', ');
  return room || row.approximateAddress.trim() || null;
}

/** The entry copied into a proof: names and place only when the member chose to include them. */
export function toEntry(row: AttendedRow, include: { names: boolean; locations: boolean }): ProofEntry {
  return {
    date: row.localDate,
    start: row.startsAt.toISOString(),
    timeZone: row.timeZone,
    meetingName: include.names ? row.meetingName : null,
    groupName: include.names ? row.groupName : null,
    location: include.locations ? locationOf(row) : null,
    attendance: row.attendance as AttendanceOption,
    method: row.method === 'roster' ? 'roster' : 'self',
  };
}

const entriesOf = (row: ProofRow) => row.entries as ProofEntry[];

export function presentProof(row: ProofRow, publicUrl: string): AttendanceProof {
  const code = groupCode(row.code);
  return {
    id: row.id,
    code,
    verifyUrl: `${publicUrl}/verify/${code}`,
    from: row.fromDate,
    to: row.toDate,
    holderName: row.holderName,
    includeMeetingNames: row.includeMeetingNames,
    includeLocations: row.includeLocations,
    entries: entriesOf(row),
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** What anyone with the code sees: no account id, email or display name; the holder's name only if they typed one. */
export function presentVerification(row: ProofRow, organization: string): ProofVerification {
  const entries = entriesOf(row);
  return {
    valid: true,
    code: groupCode(row.code),
    organization,
    issuedAt: row.createdAt.toISOString(),
    from: row.fromDate,
    to: row.toDate,
    holderName: row.holderName,
    count: entries.length,
    entries,
  };
}

export function createProofService(ctx: ServiceContext) {
  const { db, limiter, config, settings } = ctx;

  async function ownProof(actor: Actor | null, id: string): Promise<ProofRow> {
    const a = authorize(actor);
    const row = await proofRepo.findOwn(db, a.userId, id);
    if (!row) throw notFound();
    return row;
  }

  return {
    /** Copies the member's attendance in the range into a new proof; an empty period is a record too. */
    async issue(actor: Actor | null, input: z.output<typeof proofBody>): Promise<AttendanceProof> {
      const a = authorize(actor);
      if (daysBetween(input.from, input.to) + 1 > meetingLimits.proofDaysMax) throw validationFailed({ to: 'rangeTooLong' });
      // A day of slack: a meeting's own zone can be a day ahead of the member's.
      const { today } = await memberClock(db, a);
      if (input.to > addDays(today, 1)) throw validationFailed({ to: 'dateInFuture' });
      await limiter.consume(rateRules.proofIssuePerAccount, a.userId);
      const attended = await proofRepo.attendedBetween(db, a.userId, input.from, input.to);
      const include = { names: input.includeMeetingNames, locations: input.includeLocations };
      const row = await proofRepo.insert(db, {
        userId: a.userId,
        code: newProofCode(),
        fromDate: input.from,
        toDate: input.to,
        holderName: input.holderName || null,
        includeMeetingNames: input.includeMeetingNames,
        includeLocations: input.includeLocations,
        entries: attended.map((r) => toEntry(r, include)),
      });
      return presentProof(row, config.publicUrl);
    },

    async list(actor: Actor | null) {
      const a = authorize(actor);
      return { proofs: (await proofRepo.listOwn(db, a.userId)).map((r) => presentProof(r, config.publicUrl)) };
    },

    async get(actor: Actor | null, id: string) {
      return presentProof(await ownProof(actor, id), config.publicUrl);
    },

    /** The code stops verifying; the member keeps the record in their list, marked revoked. */
    async revoke(actor: Actor | null, id: string) {
      const a = authorize(actor);
      if (!(await proofRepo.revoke(db, a.userId, id))) throw notFound();
    },

    /** The printable PDF. A revoked proof has none: its code no longer verifies. */
    async pdf(actor: Actor | null, id: string, locale: Locale): Promise<{ fileName: string; body: Buffer }> {
      const row = await ownProof(actor, id);
      if (row.revokedAt) throw notFound();
      const proof = presentProof(row, config.publicUrl);
      const body = await renderProofPdf({ proof, organization: settings.name(), locale });
      return { fileName: `kindred-attendance-${proof.from}-to-${proof.to}.pdf`, body };
    },

    /**
     * Anyone with the code. Unknown and revoked codes answer alike. Only misses count against the address, so an
     * office verifying many records is not slowed while guessing is.
     */
    async verify(input: string, ip: string): Promise<ProofVerification> {
      await limiter.check(rateRules.proofLookupMissesPerIp, ip);
      const code = normalizeProofCode(input);
      const row = code ? await proofRepo.findValidByCode(db, code) : undefined;
      if (!row) {
        await limiter.record(rateRules.proofLookupMissesPerIp, ip);
        throw notFound();
      }
      return presentVerification(row, settings.name());
    },
  };
}

export type ProofService = ReturnType<typeof createProofService>;

import { and, arrayOverlaps, asc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { AvailabilityWindow } from '../../../contracts/mentoring.ts';
import type { Queryable } from '../../db/client.ts';
import { mentorProfile, mentorship, menteeRequest } from './tables.ts';
import type { MentorFacts } from './matching.ts';
import { OPEN_STATUSES } from './policy.ts';
import { isPeerSupporterSql, type ProfileRow, profileQuery } from './profiles-repo.ts';
import type { RequestRow } from './repo.ts';
import { requestsRepo } from './requests-repo.ts';

/** Mentorships that rule a pair out: ended for a safety concern (by either side), or this request declined or let expire. */
const ruledOut = (requestIds: string[]) =>
  or(
    and(eq(mentorship.status, 'ended'), eq(mentorship.endReason, 'safety_concern')),
    and(inArray(mentorship.status, ['declined', 'expired']), inArray(mentorship.requestId, requestIds)),
  );

/**
 * Lists of codes (pathways, language codes, contact modes: no commas, no quotes) travel as one string: parsing
 * PostgreSQL's array syntax for thousands of rows cost more than the rest of the query.
 */
const codes = (v: string) => (v === '' ? [] : v.split(','));

interface CandidateRow extends Record<string, unknown> {
  user_id: string;
  peer: boolean;
  pathways: string;
  languages: string;
  gender: string | null;
  time_zone: string;
  availability: AvailabilityWindow[];
  contact_modes: string;
  capacity: number;
  capacity_cap: number | null;
  accepting: boolean;
  certified: boolean;
  open: number;
}

export interface Exclusions {
  endedForSafety: Set<string>;
  refused: Set<string>;
}

/**
 * The SQL side of the hard constraints that do not depend on the mentee: a peer supporter, accepting, certified if
 * required, a free place. The same rules run again in matching.ts on every row (one source of truth; SQL only
 * narrows what is read).
 */
function available(open: SQL, requireCertification: boolean) {
  return and(
    isPeerSupporterSql,
    eq(mentorProfile.accepting, true),
    requireCertification ? eq(mentorProfile.certified, true) : undefined,
    sql`least(${mentorProfile.capacity}, coalesce(${mentorProfile.capacityCap}, ${mentorProfile.capacity})) > ${open}`,
  );
}

export const matchingRepo = {
  /** Mentors this mentee may not be proposed to whatever their profiles say. */
  async exclusionsFor(db: Queryable, menteeId: string, requestId: string | null): Promise<Exclusions> {
    const rows = await db
      .select({ mentorId: mentorship.mentorId, status: mentorship.status })
      .from(mentorship)
      .where(and(eq(mentorship.menteeId, menteeId), ruledOut(requestId ? [requestId] : [])));
    return {
      endedForSafety: new Set(rows.filter((r) => r.status === 'ended').map((r) => r.mentorId)),
      refused: new Set(rows.filter((r) => r.status !== 'ended').map((r) => r.mentorId)),
    };
  },

  /**
   * Candidate mentors for one request, with the hard constraints SQL checks cheaply: a language in common (the
   * GIN index), the stated gender, not the mentee, never ruled out by the history, available with a free place. Only what matching
   * reads, and read plainly: for two thousand mentors, mapping rows through the query builder cost twice the query
   * itself (the few shown are read in full afterwards).
   */
  async candidates(
    db: Queryable,
    q: { menteeId: string; requestId: string; languages: string[]; genderPreference: string | null; requireCertification: boolean },
  ): Promise<MentorFacts[]> {
    const p = mentorProfile;
    const open = sql`coalesce(open_counts.open, 0)`;
    const result = await db.execute<CandidateRow>(sql`
      select ${p.userId} as user_id, ${isPeerSupporterSql} as peer,
             array_to_string(${p.pathways}, ',') as pathways, array_to_string(${p.languages}, ',') as languages,
             ${p.gender} as gender, ${p.timeZone} as time_zone, ${p.availability} as availability,
             array_to_string(${p.contactModes}, ',') as contact_modes, ${p.capacity} as capacity, ${p.capacityCap} as capacity_cap,
             ${p.accepting} as accepting, ${p.certified} as certified, ${open}::int as open
        from ${p}
        left join (select ${mentorship.mentorId} as mentor_id, count(*)::int as open from ${mentorship}
                    where ${inArray(mentorship.status, [...OPEN_STATUSES])} group by 1) open_counts on open_counts.mentor_id = ${p.userId}
       where ${and(
         arrayOverlaps(p.languages, q.languages),
         q.genderPreference !== null ? eq(p.gender, q.genderPreference) : undefined,
         ne(p.userId, q.menteeId),
         available(open, q.requireCertification),
       )}
         and not exists (select 1 from ${mentorship} where ${and(eq(mentorship.menteeId, q.menteeId), eq(mentorship.mentorId, p.userId), ruledOut([q.requestId]))})`);
    return result.rows.map((r) => ({
      userId: r.user_id,
      isPeerSupporter: r.peer,
      pathways: codes(r.pathways),
      languages: codes(r.languages),
      gender: r.gender,
      timeZone: r.time_zone,
      availability: r.availability,
      contactModes: codes(r.contact_modes),
      capacity: r.capacity,
      capacityCap: r.capacity_cap,
      accepting: r.accepting,
      certified: r.certified,
      open: r.open,
    }));
  },

  /** Full profiles of the mentors about to be shown. */
  async profiles(db: Queryable, ids: string[]): Promise<ProfileRow[]> {
    if (ids.length === 0) return [];
    return profileQuery(db).query.where(inArray(mentorProfile.userId, ids));
  },

  /** One mentor's profile and facts, read inside the caller's transaction (after the profile's lock). */
  async mentor(db: Queryable, mentorId: string): Promise<ProfileRow | undefined> {
    const [row] = await profileQuery(db).query.where(eq(mentorProfile.userId, mentorId));
    return row;
  },

  /** A relationship waiting for the mentor's answer, holding one of their places. */
  async createRequested(
    db: Queryable,
    v: { mentorId: string; menteeId: string; requestId: string; origin: 'mentee' | 'coordinator'; introducedBy: string | null; requestedAt: Date; expiresAt: Date },
  ): Promise<string> {
    const [row] = await db
      .insert(mentorship)
      .values({ ...v, status: 'requested' })
      .returning({ id: mentorship.id });
    return row!.id;
  },

  // ── Program-wide ──

  /** Every waiting request of a mentee with no open relationship (who could take a place up), longest wait first. */
  async waitingRequests(db: Queryable): Promise<RequestRow[]> {
    const rows = await requestsRepo.listOpen(db);
    const busy = new Set(
      (
        await db
          .select({ menteeId: mentorship.menteeId })
          .from(mentorship)
          .where(inArray(mentorship.status, [...OPEN_STATUSES]))
      ).map((r) => r.menteeId),
    );
    return rows.filter((r) => r.status === 'waiting' && !busy.has(r.menteeId));
  },

  /** Every mentor who could take someone now. */
  async mentorsWithRoom(db: Queryable, requireCertification: boolean): Promise<ProfileRow[]> {
    const { query, open } = profileQuery(db);
    return query.where(available(open, requireCertification)).orderBy(asc(mentorProfile.userId));
  },

  /** Exclusions of every waiting mentee, by mentee. */
  async programExclusions(db: Queryable): Promise<Map<string, Exclusions>> {
    const waiting = db.select({ id: menteeRequest.id }).from(menteeRequest).where(eq(menteeRequest.status, 'waiting'));
    const rows = await db
      .select({ menteeId: mentorship.menteeId, mentorId: mentorship.mentorId, status: mentorship.status })
      .from(mentorship)
      .where(
        or(
          and(eq(mentorship.status, 'ended'), eq(mentorship.endReason, 'safety_concern')),
          and(inArray(mentorship.status, ['declined', 'expired']), inArray(mentorship.requestId, waiting)),
        ),
      );
    // A mentee has one waiting request at most, so what its mentors said can be kept by mentee.
    const out = new Map<string, Exclusions>();
    for (const r of rows) {
      let e = out.get(r.menteeId);
      if (!e) out.set(r.menteeId, (e = { endedForSafety: new Set(), refused: new Set() }));
      (r.status === 'ended' ? e.endedForSafety : e.refused).add(r.mentorId);
    }
    return out;
  },
};

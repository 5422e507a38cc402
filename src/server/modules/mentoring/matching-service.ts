import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Locale } from '../../../contracts/common.ts';
import { type introductionsBody, type introductionsResult, mentoringLimits, type Mentorship, type Proposal, type SkipReason, type Suggestion } from '../../../contracts/mentoring.ts';
import { type Actor, authorize } from '../../access.ts';
import type { Queryable } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Jobs } from '../../jobs/queue.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { notificationsRepo } from '../notifications/repo.ts';
import { EXPIRY_JOB } from './jobs-names.ts';
import { BestCandidates, explain, freePlaces, isCandidate, type MatchContext, type MentorFacts, type RequestFacts, scoreMatch, scoreValue, violations } from './matching.ts';
import { type Exclusions, matchingRepo } from './matching-repo.ts';
import { effectiveCapacity, mentoringPolicy } from './policy.ts';
import { presentMentorship } from './presenters.ts';
import { type ProfileRow, profilesRepo } from './profiles-repo.ts';
import { mentorFacts, presentProfile } from './profiles-service.ts';
import { mentorshipRepo, type RequestRow } from './repo.ts';
import { requestsRepo } from './requests-repo.ts';
import { mentoringSettingsRepo } from './settings.ts';
import { solveAssignment } from './solver.ts';

type IntroductionsResult = z.infer<typeof introductionsResult>;

/** An unanswered request goes back to matching after this long. */
export const ANSWER_WITHIN_MS = 72 * 3_600_000;

const NO_EXCLUSIONS: Exclusions = { endedForSafety: new Set(), refused: new Set() };

export const requestFacts = (r: RequestRow): RequestFacts => ({
  menteeId: r.menteeId,
  pathways: r.pathways,
  languages: r.languages,
  genderPreference: r.genderPreference,
  timeZone: r.timeZone,
  availability: r.availability,
  contactModes: r.contactModes,
});

const alreadyOpen = () => new AppError('conflict', 'mentoringAlreadyOpen');
const requestFirst = () => new AppError('conflict', 'mentoringRequestFirst');
const mentorFull = () => new AppError('conflict', 'mentoringMentorFull');

/**
 * Matching: suggestions for one mentee, a mentee asking a mentor, the program-wide proposal and the coordinators'
 * introductions. Every path checks the pair with matching.ts's one `violations`, the last time under the mentor's
 * profile lock in the transaction that takes the place.
 */
export function createMatchingService(ctx: ServiceContext, deps: { jobs?: Jobs; log?: FastifyBaseLogger } = {}) {
  const { db } = ctx;

  /** Sends each new request's expiry job after commit; a lost one is caught by the minute sweep (jobs.ts). */
  async function scheduleExpiry(items: { mentorshipId: string; expiresAt: Date }[]) {
    if (!deps.jobs) return;
    for (const { mentorshipId, expiresAt } of items) {
      try {
        await deps.jobs.send(EXPIRY_JOB, { mentorshipId }, { startAfter: expiresAt });
      } catch (err) {
        deps.log?.error({ err: { type: (err as Error).name }, mentorshipId }, 'request expiry not scheduled; the sweep will expire it');
      }
    }
  }

  /**
   * In the caller's transaction, with the mentee's lock held and their request locked and waiting: takes one of the
   * mentor's places, under the profile's row lock, if the pair still holds. Returns the new relationship or why not.
   */
  async function takePlace(
    tx: Queryable,
    request: RequestRow,
    mentorId: string,
    how: { origin: 'mentee' | 'coordinator'; by: string; requireCertification: boolean },
  ): Promise<{ id: string; expiresAt: Date } | { skipped: SkipReason; justFilled?: boolean }> {
    if (!(await profilesRepo.lock(tx, mentorId))) return { skipped: 'mentor_not_found' };
    const mentor = await matchingRepo.mentor(tx, mentorId);
    if (!mentor) return { skipped: 'mentor_not_found' };
    const exclusions = await matchingRepo.exclusionsFor(tx, request.menteeId, request.id);
    const broken = violations(mentorFacts(mentor), requestFacts(request), { requireCertification: how.requireCertification, ...exclusions });
    // Full, and nothing else in the way: the mentee saw them as a suggestion moments ago.
    if (broken.length) return { skipped: broken[0]!, justFilled: broken.length === 1 && broken[0] === 'no_free_place' && effectiveCapacity(mentor) > 0 };
    const now = new Date();
    const expiresAt = new Date(now.getTime() + ANSWER_WITHIN_MS);
    const id = await matchingRepo.createRequested(tx, {
      mentorId,
      menteeId: request.menteeId,
      requestId: request.id,
      origin: how.origin,
      introducedBy: how.origin === 'coordinator' ? how.by : null,
      requestedAt: now,
      expiresAt,
    });
    await requestsRepo.update(tx, request.id, { status: 'pending' });
    // The person who acted is not told; the others are.
    const told = how.origin === 'mentee' ? [mentorId] : [mentorId, request.menteeId].filter((u) => u !== how.by);
    await notificationsRepo.add(
      tx,
      told.map((userId) => ({ userId, kind: how.origin === 'mentee' ? 'mentoring.requested' : 'mentoring.introduced', subjectId: id, actorId: how.by })),
    );
    return { id, expiresAt };
  }

  /** The suggestion a mentee reads: the public part of the profile, the score and why. */
  function suggestionOf(row: ProfileRow, requireCertification: boolean, match: ReturnType<typeof scoreMatch>, locale: Locale): Suggestion {
    const { capacityCap: _cap, certified: _cert, updatedAt: _at, ...mentor } = presentProfile(row, requireCertification);
    return { mentor, score: round(match.score), reasons: match.reasons, explanation: explain(match.reasons, locale) };
  }

  return {
    /** Ranked mentors for my waiting request (at most suggestionsMax); empty when nothing is waiting. */
    async suggestions(actor: Actor | null, locale: Locale): Promise<{ suggestions: Suggestion[] }> {
      const a = authorize(actor, mentoringPolicy.mentee, undefined);
      const [request, settings] = await Promise.all([requestsRepo.current(db, a.userId), mentoringSettingsRepo.get(db)]);
      if (!request || request.status !== 'waiting') return { suggestions: [] };
      // SQL leaves out what it can; the same rules then run on every row (matching.ts decides).
      const [exclusions, rows] = await Promise.all([
        matchingRepo.exclusionsFor(db, a.userId, request.id),
        matchingRepo.candidates(db, {
          menteeId: a.userId,
          requestId: request.id,
          languages: request.languages,
          genderPreference: request.genderPreference,
          requireCertification: settings.requireCertification,
        }),
      ]);
      const facts = requestFacts(request);
      const context: MatchContext = { requireCertification: settings.requireCertification, ...exclusions };
      const now = new Date();
      // Scores for all (cheap), reasons for the few shown.
      const best = new BestCandidates(mentoringLimits.suggestionsMax);
      const byId = new Map<string, MentorFacts>();
      for (const m of rows) {
        if (!isCandidate(m, facts, context)) continue;
        byId.set(m.userId, m);
        best.add(m.userId, scoreValue(m, facts, settings.weights, now));
      }
      const ranked = best.list();
      const profiles = new Map((await matchingRepo.profiles(db, ranked.map((s) => s.mentor))).map((p) => [p.userId, p]));
      return {
        suggestions: ranked
          .filter((s) => profiles.has(s.mentor))
          .map((s) => suggestionOf(profiles.get(s.mentor)!, settings.requireCertification, scoreMatch(byId.get(s.mentor)!, facts, settings.weights, now), locale)),
      };
    },

    /**
     * The mentee asks a mentor: a relationship 'requested' holding one of the mentor's places for 72 hours. A mentor
     * who is not a valid candidate for this mentee is 404 (as if unknown); one who has just filled up is 409.
     */
    async ask(actor: Actor | null, mentorId: string): Promise<Mentorship> {
      const a = authorize(actor, mentoringPolicy.mentee, undefined);
      const { requireCertification } = await mentoringSettingsRepo.get(db);
      let created: { id: string; expiresAt: Date };
      try {
        created = await db.transaction(async (tx) => {
          await requestsRepo.lockMentee(tx, a.userId);
          if (await requestsRepo.openMentorshipOf(tx, a.userId)) throw alreadyOpen();
          const current = await requestsRepo.current(tx, a.userId);
          // A matched request whose relationship is over may ask again: it is the same search.
          if (!current || current.status === 'pending') throw requestFirst();
          await requestsRepo.lock(tx, current.id);
          const taken = await takePlace(tx, current, mentorId, { origin: 'mentee', by: a.userId, requireCertification });
          if ('skipped' in taken) throw taken.justFilled ? mentorFull() : notFound();
          return taken;
        });
      } catch (err) {
        // Two asks at once from one mentee: the one-open-relationship index lets one through.
        if (isUniqueViolation(err)) throw alreadyOpen();
        throw err;
      }
      await scheduleExpiry([{ mentorshipId: created.id, expiresAt: created.expiresAt }]);
      const row = (await mentorshipRepo.byId(db, created.id))!;
      return presentMentorship(row, a, { request: await requestsRepo.byId(db, row.requestId!), agreementState: 'none' });
    },

    /**
     * Program-wide: every waiting request against every mentor with room, under the hard constraints, each mentee's
     * best candidates kept; the solver matches as many mentees as possible, then maximises the total score.
     */
    async proposal(actor: Actor | null): Promise<Proposal> {
      authorize(actor, mentoringPolicy.coordinate, undefined);
      const settings = await mentoringSettingsRepo.get(db);
      const [requests, mentors, exclusions] = await Promise.all([
        matchingRepo.waitingRequests(db),
        matchingRepo.mentorsWithRoom(db, settings.requireCertification),
        matchingRepo.programExclusions(db),
      ]);
      const now = new Date();
      const facts = new Map<string, MentorFacts>(mentors.map((m) => [m.userId, mentorFacts(m)]));
      const byLanguage = new Map<string, MentorFacts[]>();
      for (const m of facts.values()) {
        for (const l of m.languages) {
          const list = byLanguage.get(l);
          if (list) list.push(m);
          else byLanguage.set(l, [m]);
        }
      }
      const edges: { mentee: string; mentor: string; score: number }[] = [];
      const candidates = new Map<string, number>();
      for (const r of requests) {
        const rf = requestFacts(r);
        const context: MatchContext = { requireCertification: settings.requireCertification, ...(exclusions.get(r.menteeId) ?? NO_EXCLUSIONS) };
        // Only mentors sharing a language can qualify; each is looked at once.
        const seen = new Set<string>();
        const best = new BestCandidates(mentoringLimits.candidatesPerMentee);
        let count = 0;
        for (const l of rf.languages) {
          for (const m of byLanguage.get(l) ?? []) {
            if (seen.has(m.userId)) continue;
            seen.add(m.userId);
            if (!isCandidate(m, rf, context)) continue;
            count++;
            best.add(m.userId, round(scoreValue(m, rf, settings.weights, now)));
          }
        }
        candidates.set(r.id, count);
        for (const s of best.list()) edges.push({ mentee: r.id, ...s });
      }
      const started = performance.now();
      const solved = solveAssignment({ mentors: mentors.map((m) => ({ id: m.userId, capacity: freePlaces(facts.get(m.userId)!) })), mentees: requests.map((r) => ({ id: r.id })), edges });
      const solveMs = Math.round((performance.now() - started) * 10) / 10;

      const requestById = new Map(requests.map((r) => [r.id, r]));
      const mentorById = new Map(mentors.map((m) => [m.userId, m]));
      const assigned = new Set(solved.assignments.map((x) => x.mentee));
      return {
        pairs: solved.assignments.map((x) => {
          const r = requestById.get(x.mentee)!;
          const m = mentorById.get(x.mentor)!;
          return {
            requestId: r.id,
            menteeId: r.menteeId,
            menteeName: r.displayName,
            mentorId: m.userId,
            mentorName: m.displayName,
            score: x.score,
            reasons: scoreMatch(facts.get(m.userId)!, requestFacts(r), settings.weights, now).reasons,
          };
        }),
        unmatched: requests.filter((r) => !assigned.has(r.id)).map((r) => ({ requestId: r.id, menteeId: r.menteeId, menteeName: r.displayName, candidates: candidates.get(r.id) ?? 0 })),
        waiting: requests.length,
        mentorsWithRoom: mentors.length,
        totalScore: round(solved.total_score),
        solveMs,
      };
    },

    /**
     * Sends the reviewed introductions: each pair in its own transaction, re-checked (hard constraints, free places)
     * under the same locks as a mentee's own request. Pairs that no longer hold are skipped with the reason.
     */
    async introduce(actor: Actor | null, body: z.output<typeof introductionsBody>): Promise<IntroductionsResult> {
      const a = authorize(actor, mentoringPolicy.coordinate, undefined);
      const { requireCertification } = await mentoringSettingsRepo.get(db);
      const result: IntroductionsResult = { sent: [], skipped: [] };
      const expiries: { mentorshipId: string; expiresAt: Date }[] = [];
      for (const pair of body.pairs) {
        let outcome: { id: string; expiresAt: Date } | { skipped: SkipReason };
        try {
          outcome = await db.transaction(async (tx) => {
            const request = await requestsRepo.byId(tx, pair.requestId);
            if (!request) return { skipped: 'request_not_found' as const };
            await requestsRepo.lockMentee(tx, request.menteeId);
            const locked = await requestsRepo.lock(tx, request.id);
            if (locked?.status !== 'waiting') return { skipped: 'request_not_waiting' as const };
            if (await requestsRepo.openMentorshipOf(tx, request.menteeId)) return { skipped: 'mentee_has_open_relationship' as const };
            const taken = await takePlace(tx, { ...request, ...locked }, pair.mentorId, { origin: 'coordinator', by: a.userId, requireCertification });
            if ('skipped' in taken) return { skipped: taken.skipped };
            await auditRepo.record(tx, {
              actorId: a.userId,
              action: 'mentoring.introduced',
              subjectId: request.menteeId,
              details: { mentorshipId: taken.id, mentorId: pair.mentorId, requestId: request.id },
            });
            return taken;
          });
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          outcome = { skipped: 'mentee_has_open_relationship' };
        }
        if ('skipped' in outcome) result.skipped.push({ requestId: pair.requestId, mentorId: pair.mentorId, reason: outcome.skipped });
        else {
          result.sent.push({ requestId: pair.requestId, mentorshipId: outcome.id });
          expiries.push({ mentorshipId: outcome.id, expiresAt: outcome.expiresAt });
        }
      }
      await scheduleExpiry(expiries);
      return result;
    },
  };
}

/** Scores travel rounded: six decimals tell apart anything a person or the solver needs to. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

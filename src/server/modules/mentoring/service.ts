import type { z } from 'zod';
import type { AgreementTerms, declineBody, endBody, Mentorship, signBody } from '../../../contracts/mentoring.ts';
import type { NotificationKind } from '../../../contracts/notifications.ts';
import { type Actor, authorize, type Rule } from '../../access.ts';
import type { Queryable } from '../../db/client.ts';
import { AppError, notFound, validationFailed } from '../../http/errors.ts';
import type { MessageKey } from '../../http/messages.ts';
import type { ServiceContext } from '../context.ts';
import { notificationsRepo } from '../notifications/repo.ts';
import { agreementState, agreementView, defaultChannels, defaultTerms } from './agreement.ts';
import { mentoringPolicy } from './policy.ts';
import { presentMentorship, seesRequest } from './presenters.ts';
import { agreementRepo, type MentorshipRow, mentorshipRepo, peopleRepo, requestStatusRepo } from './repo.ts';
import { requestsRepo } from './requests-repo.ts';

type Row = NonNullable<Awaited<ReturnType<typeof mentorshipRepo.lock>>>;
type Status = Mentorship['status'];
type Side = 'mentor' | 'mentee';
type Apply = (tx: Queryable, a: Actor, m: Row, now: Date) => Promise<void>;

const wrongState = (key: MessageKey) => new AppError('conflict', key);

const asMentor: Rule<{ mentorId: string }> = (a, m) => a.userId === m.mentorId;
const asMentee: Rule<{ menteeId: string }> = (a, m) => a.userId === m.menteeId;
const sideOf = (a: Actor, m: { mentorId: string }): Side => (a.userId === m.mentorId ? 'mentor' : 'mentee');
const otherSide = (a: Actor, m: { mentorId: string; menteeId: string }) => (a.userId === m.mentorId ? m.menteeId : m.mentorId);

/** Where an agreement can be read, proposed and signed: from the mentor's yes until the end. */
const AGREEING: Status[] = ['accepted', 'active', 'paused'];

/** Tells the other side (never the person who acted) of a change, in the change's own transaction. */
const tellOther = (tx: Queryable, a: Actor, m: Row, kind: NotificationKind) =>
  notificationsRepo.add(tx, { userId: otherSide(a, m), kind, subjectId: m.id, actorId: a.userId });

/**
 * Locks the mentee (as matching does for every change to their request and relationships, always first) and then
 * the relationship's row. The two people of a relationship never change, so who may act is checked before.
 */
async function lockWithMentee(tx: Queryable, m: { id: string; menteeId: string }): Promise<Row> {
  await requestsRepo.lockMentee(tx, m.menteeId);
  return (await mentorshipRepo.lock(tx, m.id))!;
}

/**
 * A relationship's lifecycle: the mentor's answer, the mentee's cancel, the agreement both sign before it is active,
 * pause and resume, the end (with a one-tap rematch for the mentee), and expiry of an unanswered request. Every
 * change happens under the relationship's row lock, checks the state it starts from (409 otherwise, nothing
 * changed), and notifies the other side in the same transaction.
 */
export function createMentorshipService(ctx: ServiceContext) {
  const { db } = ctx;

  /** Presents rows for the viewer, loading the requests they may read and each agreement's state in bulk. */
  async function present(viewer: Actor, rows: MentorshipRow[]): Promise<Mentorship[]> {
    const requestIds = rows.filter((m) => m.requestId && seesRequest(viewer, m)).map((m) => m.requestId!);
    const [requests, latest] = await Promise.all([requestStatusRepo.byIds(db, [...new Set(requestIds)]), agreementRepo.latestOf(db, rows.map((m) => m.id))]);
    return rows.map((m) => presentMentorship(m, viewer, { request: m.requestId ? requests.get(m.requestId) : undefined, agreementState: agreementState(latest.get(m.id)) }));
  }

  async function presentOne(viewer: Actor, id: string) {
    const row = await mentorshipRepo.byId(db, id);
    return (await present(viewer, [row!]))[0]!;
  }

  /** The relationship if the viewer may see it (its two people, coordinators); 404 otherwise, whether or not it exists. */
  async function visible(actor: Actor | null, id: string) {
    const a = authorize(actor);
    const row = await mentorshipRepo.byId(db, id);
    if (!row) throw notFound();
    authorize(a, mentoringPolicy.seeMentorship, row);
    return { a, row };
  }

  /**
   * Runs one change under the row lock: `rule` says who may (404 for anyone else), `from` the states it starts from
   * (409 with `wrong` otherwise, nothing changed). `transition` then answers the relationship as the actor sees it.
   */
  async function locked(actor: Actor | null, id: string, rule: Rule<Row>, from: Status[], wrong: MessageKey, apply: Apply): Promise<Actor> {
    const a = authorize(actor);
    const seen = await mentorshipRepo.byId(db, id);
    if (!seen) throw notFound();
    authorize(a, rule, seen);
    await db.transaction(async (tx) => {
      const m = await lockWithMentee(tx, seen);
      if (!from.includes(m.status as Status)) throw wrongState(wrong);
      await apply(tx, a, m, new Date());
    });
    return a;
  }

  async function transition(actor: Actor | null, id: string, rule: Rule<Row>, from: Status[], wrong: MessageKey, apply: Apply): Promise<Mentorship> {
    return presentOne(await locked(actor, id, rule, from, wrong, apply), id);
  }

  /** Whether an unanswered request's 72 hours are up (the sweep may not have run yet). */
  const lapsed = (m: Row, now: Date) => m.status === 'requested' && m.expiresAt !== null && m.expiresAt <= now;

  const service = {
    /** Relationships already read, as the viewer may see them (the caseload reuses this). */
    present,

    async list(actor: Actor | null) {
      const a = authorize(actor);
      return { mentorships: await present(a, await mentorshipRepo.listFor(db, a.userId)) };
    },

    async get(actor: Actor | null, id: string) {
      const { a, row } = await visible(actor, id);
      return (await present(a, [row]))[0]!;
    },

    /** The mentor says yes: the request is matched and version 1 of the agreement is written in the mentor's language. */
    accept(actor: Actor | null, id: string) {
      return transition(actor, id, asMentor, ['requested'], 'mentoringAlreadyAnswered', async (tx, a, m, now) => {
        if (lapsed(m, now)) throw wrongState('mentoringAlreadyAnswered');
        await mentorshipRepo.update(tx, m.id, { status: 'accepted', respondedAt: now });
        const request = m.requestId ? (await requestStatusRepo.byIds(tx, [m.requestId])).get(m.requestId) : undefined;
        if (request) await requestStatusRepo.setStatus(tx, request.id, 'matched');
        const profile = await peopleRepo.profile(tx, m.mentorId);
        const channels = defaultChannels(profile?.contactModes ?? request?.contactModes ?? [], request?.contactModes ?? []);
        const terms = defaultTerms(await peopleRepo.locale(tx, m.mentorId), channels);
        await agreementRepo.insert(tx, { mentorshipId: m.id, version: 1, terms, proposedBy: 'mentor' });
        await tellOther(tx, a, m, 'mentoring.accepted');
      });
    },

    /** The mentor says no, optionally with a kind message; the request goes back to matching. */
    decline(actor: Actor | null, id: string, body: z.output<typeof declineBody>) {
      return transition(actor, id, asMentor, ['requested'], 'mentoringAlreadyAnswered', async (tx, a, m, now) => {
        if (lapsed(m, now)) throw wrongState('mentoringAlreadyAnswered');
        await mentorshipRepo.update(tx, m.id, { status: 'declined', respondedAt: now, declineMessage: body.message || null });
        if (m.requestId) await requestStatusRepo.backToWaiting(tx, m.requestId, now);
        await tellOther(tx, a, m, 'mentoring.declined');
      });
    },

    /** The mentee takes back an unanswered request; it goes back to matching. */
    cancel(actor: Actor | null, id: string) {
      return transition(actor, id, asMentee, ['requested'], 'mentoringAlreadyAnswered', async (tx, a, m, now) => {
        await mentorshipRepo.update(tx, m.id, { status: 'cancelled', respondedAt: now });
        if (m.requestId) await requestStatusRepo.backToWaiting(tx, m.requestId, now);
        await tellOther(tx, a, m, 'mentoring.cancelled');
      });
    },

    pause(actor: Actor | null, id: string, body: { note?: string } = {}) {
      return transition(actor, id, mentoringPolicy.takePart, ['active'], 'mentoringNotActive', async (tx, a, m, now) => {
        await mentorshipRepo.update(tx, m.id, { status: 'paused', pausedAt: now, note: body.note || null, noteBy: sideOf(a, m) });
        await tellOther(tx, a, m, 'mentoring.paused');
      });
    },

    resume(actor: Actor | null, id: string, body: { note?: string } = {}) {
      return transition(actor, id, mentoringPolicy.takePart, ['paused'], 'mentoringNotPaused', async (tx, a, m) => {
        await mentorshipRepo.update(tx, m.id, { status: 'active', pausedAt: null, note: body.note || null, noteBy: sideOf(a, m) });
        await tellOther(tx, a, m, 'mentoring.resumed');
      });
    },

    /**
     * Either side ends it, with a reason. The mentee may go straight back to matching with the same request (a
     * no-fault rematch); after a safety concern the ended mentor is left out by matching's hard constraints.
     */
    end(actor: Actor | null, id: string, body: z.output<typeof endBody>) {
      return transition(actor, id, mentoringPolicy.endMentorship, ['accepted', 'active', 'paused'], 'mentoringNotOpen', async (tx, a, m, now) => {
        // A coordinator may end it too (a safety concern, a mentor leaving the program); then both people are told.
        const side = a.userId === m.mentorId || a.userId === m.menteeId ? sideOf(a, m) : 'coordinator';
        if (body.rematch && side !== 'mentee') throw validationFailed({ rematch: 'mentoringRematchMenteeOnly' });
        await mentorshipRepo.update(tx, m.id, { status: 'ended', endedAt: now, endReason: body.reason, endedBy: side, note: body.note || null, noteBy: side, pausedAt: null });
        // A mentee who already opened another request keeps that one.
        if (body.rematch && m.requestId && !(await requestStatusRepo.otherOpen(tx, m.menteeId, m.requestId))) await requestStatusRepo.backToWaiting(tx, m.requestId, now);
        if (side === 'coordinator') await notificationsRepo.add(tx, [m.mentorId, m.menteeId].map((userId) => ({ userId, kind: 'mentoring.ended' as const, subjectId: m.id, actorId: a.userId })));
        else await tellOther(tx, a, m, 'mentoring.ended');
      });
    },

    async agreement(actor: Actor | null, id: string) {
      const { row } = await visible(actor, id);
      return agreementView(await agreementRepo.versions(db, row.id));
    },

    /** Either side proposes new terms as the next version, signed by the proposer; the one in force stays until both sign. */
    async proposeAgreement(actor: Actor | null, id: string, terms: AgreementTerms) {
      await locked(actor, id, mentoringPolicy.takePart, AGREEING, 'mentoringNotOpen', async (tx, a, m, now) => {
        const versions = await agreementRepo.versions(tx, m.id);
        const side = sideOf(a, m);
        await agreementRepo.insert(tx, {
          mentorshipId: m.id,
          version: (versions.at(-1)?.version ?? 0) + 1,
          terms,
          proposedBy: side,
          ...(side === 'mentor' ? { mentorSignedAt: now } : { menteeSignedAt: now }),
        });
        await tellOther(tx, a, m, 'mentoring.agreement_proposed');
      });
      return agreementView(await agreementRepo.versions(db, id));
    },

    /**
     * Signs the newest version (naming it, so nobody signs terms they have not read: an older number is 409). When
     * both have signed and the mentor has accepted, the relationship becomes active. Signing twice changes nothing.
     */
    sign(actor: Actor | null, id: string, body: z.output<typeof signBody>) {
      return transition(actor, id, mentoringPolicy.takePart, AGREEING, 'mentoringNotOpen', async (tx, a, m, now) => {
        const latest = (await agreementRepo.versions(tx, m.id)).at(-1);
        if (!latest || latest.version !== body.version) throw wrongState('mentoringAgreementOutdated');
        const side = sideOf(a, m);
        if ((side === 'mentor' ? latest.mentorSignedAt : latest.menteeSignedAt) !== null) return;
        const signed = await agreementRepo.sign(tx, latest.id, side, now);
        const both = signed.mentorSignedAt !== null && signed.menteeSignedAt !== null;
        if (both && m.status === 'accepted') {
          await mentorshipRepo.update(tx, m.id, { status: 'active', startedAt: now });
          await tellOther(tx, a, m, 'mentoring.active');
        } else {
          await tellOther(tx, a, m, 'mentoring.agreement_signed');
        }
      });
    },

    /**
     * An unanswered request's 72 hours are up: the relationship expires, the request goes back to matching, both
     * are told. Idempotent under the row lock (the delayed job and the sweep may both get here); true when it expired.
     */
    async expire(id: string, now = new Date()): Promise<boolean> {
      const seen = await mentorshipRepo.byId(db, id);
      if (!seen) return false;
      return db.transaction(async (tx) => {
        const m = await lockWithMentee(tx, seen);
        if (!lapsed(m, now)) return false;
        await mentorshipRepo.update(tx, m.id, { status: 'expired' });
        if (m.requestId) await requestStatusRepo.backToWaiting(tx, m.requestId, now);
        await notificationsRepo.add(tx, [
          { userId: m.menteeId, kind: 'mentoring.expired', subjectId: m.id, actorId: null },
          { userId: m.mentorId, kind: 'mentoring.expired', subjectId: m.id, actorId: null },
        ]);
        return true;
      });
    },

    /** The minute sweep: expires every request whose time is up (a delayed job lost, or a crash). */
    async expireDue(now = new Date()): Promise<number> {
      let expired = 0;
      for (const id of await mentorshipRepo.due(db, now)) if (await service.expire(id, now)) expired++;
      return expired;
    },
  };
  return service;
}

export type MentorshipService = ReturnType<typeof createMentorshipService>;

import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { escalationActionBody, escalationDetail, escalationOutcome, mySos, sosBody } from '../../../contracts/safety.ts';
import { type Actor, authorize } from '../../access.ts';
import type { Queryable } from '../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Jobs } from '../../jobs/queue.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { loadAudience } from '../journey/audience.ts';
import { plansRepo } from '../journey/plans-repo.ts';
import { presentSafetyPlan } from '../journey/plans-service.ts';
import { journeyPolicy } from '../journey/policy.ts';
import { type OpenedEscalation, openEscalation, pageNextIn } from './paging.ts';
import { RESPONDER_ACCESS_AFTER_CLOSE_MS, safetyPolicy } from './policy.ts';
import { presentDetail, presentMySos, presentSummary } from './presenters.ts';
import { type EscalationRow, escalationRepo } from './repo.ts';
import { isUniqueViolation } from '../../db/errors.ts';

export const DEADLINE_JOB = 'safety.escalation-deadline';
export const SWEEP_JOB = 'safety.escalation-sweep';

type Outcome = z.infer<typeof escalationOutcome>;
type Detail = z.infer<typeof escalationDetail>;

const SOS_LEVEL = { not_safe: 'emergency', talk: 'urgent', craving: 'urgent' } as const;
const escalationClosed = () => new AppError('conflict', 'escalationClosed');

/**
 * Escalations: the member's SOS, the responder's inbox and actions, and paging. `pageNext` is the deadline job's
 * handler, a plain function so tests call it with any `now`.
 */
export function createEscalationService(ctx: ServiceContext, deps: { jobs?: Jobs; log?: FastifyBaseLogger } = {}) {
  const { db } = ctx;

  /** The escalation if the actor may respond to it; 404 otherwise (whether or not it exists). */
  async function responderView(actor: Actor | null, id: string, tx: Queryable = db) {
    const a = authorize(actor);
    const esc = await escalationRepo.byId(tx, id);
    if (!esc) throw notFound();
    const reason = await escalationRepo.reasonOf(tx, id, a.userId);
    const expiredForResponders = esc.closedAt !== null && Date.now() - esc.closedAt.getTime() > RESPONDER_ACCESS_AFTER_CLOSE_MS;
    authorize(a, safetyPolicy.respond, { memberId: esc.memberId, viewerReason: reason, expiredForResponders });
    return { actor: a, esc, reason };
  }

  async function detail(a: Actor, esc: EscalationRow, reason: string | null): Promise<Detail> {
    const names = await escalationRepo.names(db, [esc.memberId, esc.acknowledgedBy]);
    const summary = presentSummary(esc, { member: names.get(esc.memberId) ?? '', acknowledger: names.get(esc.acknowledgedBy ?? '') ?? null, reason });
    const journey = await loadAudience(db, esc.memberId);
    const seesPlan = safetyPolicy.seeSafetyPlan(a, {
      closed: esc.status === 'closed',
      sharedWithViewerAsMentor: journeyPolicy.seeCategory(a, { ...journey, category: 'safety_plan' }),
      sharedInCrisis: await escalationRepo.crisisSharing(db, esc.memberId),
    });
    const [notified, actions, plan] = await Promise.all([
      escalationRepo.notifications(db, esc.id),
      escalationRepo.actions(db, esc.id),
      seesPlan ? plansRepo.safetyPlan.find(db, esc.memberId) : undefined,
    ]);
    return presentDetail(summary, esc, {
      notified: notified.map((n) => ({ displayName: n.displayName, reason: n.reason as Detail['notified'][number]['reason'], notifiedAt: n.notifiedAt.toISOString() })),
      actions: actions.map((x) => ({ kind: x.kind as Detail['actions'][number]['kind'], note: x.note, by: x.by ? { displayName: x.by } : null, at: x.at.toISOString() })),
      safetyPlan: seesPlan ? presentSafetyPlan(plan) : null,
    });
  }

  /** Every look at an escalation is audited: who looked, whose crisis, which one (never its text). */
  const audit = (tx: Queryable, a: Actor, action: string, esc: EscalationRow, details: Record<string, unknown> = {}) =>
    auditRepo.record(tx, { actorId: a.userId, action, subjectId: esc.memberId, details: { escalationId: esc.id, ...details } });

  async function mySosView(esc: EscalationRow) {
    const names = await escalationRepo.names(db, [esc.acknowledgedBy]);
    return presentMySos(esc, names.get(esc.acknowledgedBy ?? '') ?? null);
  }

  /** Changes an escalation under its row lock, unless it is closed (409). Returns the row after the change. */
  async function change(actor: Actor | null, id: string, apply: (tx: Queryable, a: Actor, esc: EscalationRow) => Promise<EscalationRow>) {
    return db.transaction(async (tx) => {
      const { actor: a } = await responderView(actor, id, tx);
      const esc = (await escalationRepo.lock(tx, id))!;
      if (esc.status === 'closed') throw escalationClosed();
      return { a, esc: await apply(tx, a, esc) };
    });
  }

  const acknowledgeIn = async (tx: Queryable, a: Actor, esc: EscalationRow, now = new Date()) =>
    esc.status === 'open' ? escalationRepo.update(tx, esc.id, { status: 'acknowledged', acknowledgedBy: a.userId, acknowledgedAt: now, nextPageAt: null }) : esc;

  const service = {
    openEscalation,

    /** Sends the delayed deadline job; a failure is logged, not thrown (the minute sweep pages it anyway). */
    async scheduleDeadline(opened: OpenedEscalation) {
      if (!deps.jobs || !opened.nextPageAt) return;
      try {
        await deps.jobs.send(DEADLINE_JOB, { escalationId: opened.id }, { startAfter: opened.nextPageAt });
      } catch (err) {
        deps.log?.error({ err: { type: (err as Error).name }, escalationId: opened.id }, 'escalation deadline not scheduled; the sweep will page it');
      }
    },

    /** The deadline job's handler: pages the next step if still unacknowledged, then schedules the next deadline. */
    async pageNext(id: string, now = new Date()) {
      const result = await db.transaction((tx) => pageNextIn(tx, id, now));
      await service.scheduleDeadline({ id, nextPageAt: result.nextPageAt });
      return result;
    },

    /** The minute sweep: pages whatever is overdue (a deadline job lost between commit and send, or a crash). */
    async pageOverdue(now = new Date()) {
      for (const id of await escalationRepo.due(db, now)) await service.pageNext(id, now);
    },

    // ── The member's SOS ──

    /** Opens an SOS (one at a time: a second press answers with the open one). */
    async raiseSos(actor: Actor | null, body: z.output<typeof sosBody>): Promise<{ created: boolean; sos: z.infer<typeof mySos> }> {
      const a = authorize(actor);
      const existing = await escalationRepo.openSosOf(db, a.userId);
      if (existing) return { created: false, sos: await mySosView(existing) };
      let opened: OpenedEscalation;
      try {
        opened = await db.transaction(async (tx) => {
          const o = await openEscalation(tx, {
            memberId: a.userId,
            source: 'sos',
            sourceId: null,
            sosKind: body.kind,
            level: SOS_LEVEL[body.kind],
            categories: [`sos.${body.kind}`],
            excerpt: body.note ?? '',
          });
          await auditRepo.record(tx, { actorId: a.userId, action: 'safety.sos_raised', subjectId: a.userId, details: { escalationId: o.id, kind: body.kind } });
          return o;
        });
      } catch (err) {
        // Two presses at once: the unique index lets one through; the other answers with it.
        const raced = isUniqueViolation(err) ? await escalationRepo.openSosOf(db, a.userId) : undefined;
        if (!raced) throw err;
        return { created: false, sos: await mySosView(raced) };
      }
      await service.scheduleDeadline(opened);
      return { created: true, sos: await mySosView((await escalationRepo.byId(db, opened.id))!) };
    },

    async mySos(actor: Actor | null) {
      const a = authorize(actor);
      const esc = await escalationRepo.openSosOf(db, a.userId);
      // The member reading the state of their own request (the SOS page polls it) is not someone looking at a
      // crisis: only views by others are audited.
      return esc ? mySosView(esc) : null;
    },

    /** The member calls it off: closed with `cancelled_by_member`; nothing to cancel is fine too. */
    async cancelSos(actor: Actor | null) {
      const a = authorize(actor);
      await db.transaction(async (tx) => {
        const open = await escalationRepo.openSosOf(tx, a.userId);
        if (!open) return;
        const esc = (await escalationRepo.lock(tx, open.id))!;
        if (esc.status === 'closed') return;
        await escalationRepo.update(tx, esc.id, { status: 'closed', closedBy: a.userId, closedAt: new Date(), outcome: 'cancelled_by_member', nextPageAt: null });
        await audit(tx, a, 'safety.escalation_closed', esc, { outcome: 'cancelled_by_member' });
      });
    },

    // ── Responders ──

    /** Open and recently closed escalations the caller was told about (coordinators: all). Each one listed is audited. */
    async list(actor: Actor | null) {
      const a = authorize(actor);
      const since = new Date(Date.now() - RESPONDER_ACCESS_AFTER_CLOSE_MS);
      const rows = await escalationRepo.list(db, a.userId, since, !safetyPolicy.coordinate(a));
      await Promise.all(rows.map((r) => audit(db, a, 'safety.escalation_listed', r.escalation)));
      return {
        escalations: rows.map((r) => presentSummary(r.escalation, { member: r.memberName, acknowledger: r.acknowledgerName, reason: r.reason })),
      };
    },

    async get(actor: Actor | null, id: string) {
      const { actor: a, esc, reason } = await responderView(actor, id);
      await audit(db, a, 'safety.escalation_viewed', esc);
      return detail(a, esc, reason);
    },

    /** "I have it": stops the paging. Acknowledging again (or after someone else did) changes nothing. */
    async acknowledge(actor: Actor | null, id: string) {
      const { a, esc } = await change(actor, id, async (tx, a, esc) => {
        const after = await acknowledgeIn(tx, a, esc);
        if (after !== esc) await audit(tx, a, 'safety.escalation_acknowledged', esc);
        return after;
      });
      return detail(a, esc, await escalationRepo.reasonOf(db, id, a.userId));
    },

    /** Records what the responder did (acknowledging it if nobody had). The note is not audited, only the kind. */
    async addAction(actor: Actor | null, id: string, body: z.output<typeof escalationActionBody>) {
      const { a, esc } = await change(actor, id, async (tx, a, esc) => {
        const after = await acknowledgeIn(tx, a, esc);
        await escalationRepo.addAction(tx, { escalationId: id, actorId: a.userId, kind: body.kind, note: body.note || null });
        await audit(tx, a, 'safety.escalation_action', esc, { kind: body.kind });
        return after;
      });
      return detail(a, esc, await escalationRepo.reasonOf(db, id, a.userId));
    },

    /** Closes with an outcome. Closing an unacknowledged one counts as acknowledging it (someone handled it). */
    async close(actor: Actor | null, id: string, outcome: Outcome) {
      const { a, esc } = await change(actor, id, async (tx, a, esc) => {
        const now = new Date();
        const acked = await acknowledgeIn(tx, a, esc, now);
        const after = await escalationRepo.update(tx, id, { status: 'closed', closedBy: a.userId, closedAt: now, outcome, nextPageAt: null });
        await audit(tx, a, 'safety.escalation_closed', acked, { outcome });
        return after;
      });
      return detail(a, esc, await escalationRepo.reasonOf(db, id, a.userId));
    },

    // ── The member's crisis sharing setting ──

    async crisisSharing(actor: Actor | null) {
      const a = authorize(actor);
      return { safetyPlan: await escalationRepo.crisisSharing(db, a.userId) };
    },

    async setCrisisSharing(actor: Actor | null, safetyPlan: boolean) {
      const a = authorize(actor);
      await db.transaction(async (tx) => {
        if (await escalationRepo.setCrisisSharing(tx, a.userId, safetyPlan)) {
          await auditRepo.record(tx, { actorId: a.userId, action: 'safety.crisis_sharing_changed', subjectId: a.userId, details: { safetyPlan } });
        }
      });
      return { safetyPlan };
    },
  };
  return service;
}

export type EscalationService = ReturnType<typeof createEscalationService>;

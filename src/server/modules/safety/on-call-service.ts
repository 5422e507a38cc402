import type { z } from 'zod';
import type { Role } from '../../../contracts/common.ts';
import {
  ESCALATION_OUTCOMES,
  type escalationStats,
  type onCallQuery,
  type onCallShift,
  type onCallShiftBody,
  type safetySettingsBody,
  type escalationStatsQuery,
} from '../../../contracts/safety.ts';
import { type Actor, authorize } from '../../access.ts';
import { notFound, validationFailed } from '../../http/errors.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { settingsRepo } from '../instance/repo.ts';
import { ESCALATE_FROM_SETTING, escalateFrom } from './crisis.ts';
import { ACK_SETTING, ackMinutes } from './paging.ts';
import { safetyPolicy } from './policy.ts';
import { escalationRepo, RESPONDER_ROLES, rosterRepo, type ShiftRow } from './repo.ts';

type Shift = z.infer<typeof onCallShift>;
type Stats = z.infer<typeof escalationStats>;

const DAY = 86_400_000;
const holdsResponderRole = (roles: string[]) => roles.some((r) => (RESPONDER_ROLES as readonly string[]).includes(r));

const presentShift = (s: ShiftRow, displayName: string, certified: boolean): Shift => ({
  id: s.id,
  userId: s.userId,
  displayName,
  certified,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  position: s.position,
});

/** The coordinators' side: the on-call roster, responder certification, acknowledgement deadlines, statistics. */
export function createOnCallService(ctx: ServiceContext) {
  const { db } = ctx;
  const coordinator = (actor: Actor | null) => authorize(actor, safetyPolicy.coordinate, undefined);
  const current = async () => ({ ackMinutes: await ackMinutes(db), escalateFrom: await escalateFrom(db) });

  return {
    /** Shifts overlapping [from, to); by default from now for 14 days. */
    async shifts(actor: Actor | null, query: z.output<typeof onCallQuery>) {
      coordinator(actor);
      const from = query.from ? new Date(query.from) : new Date();
      const to = query.to ? new Date(query.to) : new Date(from.getTime() + 14 * DAY);
      if (to < from) throw validationFailed({ to: 'rangeReversed' }, 'rangeReversed');
      const rows = await rosterRepo.shifts(db, from, to);
      return { shifts: rows.map((r) => presentShift(r.shift, r.displayName, r.certified)) };
    },

    /** Adds a shift for a certified peer supporter or professional. */
    async addShift(actor: Actor | null, body: z.output<typeof onCallShiftBody>): Promise<Shift> {
      const a = coordinator(actor);
      const person = await rosterRepo.person(db, body.userId);
      if (!person || !holdsResponderRole(person.roles)) throw validationFailed({ userId: 'responderRoleNeeded' });
      if (!person.certified) throw validationFailed({ userId: 'responderNotCertified' });
      const row = await db.transaction(async (tx) => {
        const shift = await rosterRepo.addShift(tx, {
          userId: body.userId,
          startsAt: new Date(body.startsAt),
          endsAt: new Date(body.endsAt),
          position: body.position,
          createdBy: a.userId,
        });
        await auditRepo.record(tx, { actorId: a.userId, action: 'safety.on_call_shift_added', subjectId: body.userId, details: { shiftId: shift.id } });
        return shift;
      });
      return presentShift(row, person.displayName, person.certified);
    },

    async removeShift(actor: Actor | null, id: string) {
      const a = coordinator(actor);
      await db.transaction(async (tx) => {
        const removed = await rosterRepo.removeShift(tx, id);
        if (!removed) throw notFound();
        await auditRepo.record(tx, { actorId: a.userId, action: 'safety.on_call_shift_removed', subjectId: removed.userId, details: { shiftId: id } });
      });
    },

    async responders(actor: Actor | null) {
      coordinator(actor);
      const rows = await rosterRepo.responders(db);
      return { responders: rows.map((r) => ({ ...r, roles: r.roles as Role[] })) };
    },

    /** Certifies (or uncertifies) a peer supporter or professional. Uncertified people are no longer paged. */
    async setCertified(actor: Actor | null, userId: string, certified: boolean) {
      const a = coordinator(actor);
      const person = await rosterRepo.person(db, userId);
      if (!person) throw notFound();
      if (certified && !holdsResponderRole(person.roles)) throw validationFailed({ userId: 'responderRoleNeeded' });
      await db.transaction(async (tx) => {
        await rosterRepo.setCertified(tx, userId, certified, a.userId);
        await auditRepo.record(tx, { actorId: a.userId, action: 'safety.responder_certified', subjectId: userId, details: { certified } });
      });
      return { userId, displayName: person.displayName, roles: person.roles as Role[], certified };
    },

    async settings(actor: Actor | null) {
      coordinator(actor);
      return current();
    },

    async setSettings(actor: Actor | null, body: z.output<typeof safetySettingsBody>) {
      const a = coordinator(actor);
      await db.transaction(async (tx) => {
        await settingsRepo.set(tx, ACK_SETTING, body.ackMinutes);
        if (body.escalateFrom) await settingsRepo.set(tx, ESCALATE_FROM_SETTING, body.escalateFrom);
        await auditRepo.record(tx, { actorId: a.userId, action: 'safety.settings_changed', details: { ackMinutes: body.ackMinutes, escalateFrom: body.escalateFrom } });
      });
      return current();
    },

    /** De-identified figures over escalations opened in [from, to); by default the last 30 days. */
    async stats(actor: Actor | null, query: z.output<typeof escalationStatsQuery>): Promise<Stats> {
      coordinator(actor);
      const to = query.to ? new Date(query.to) : new Date();
      const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY);
      if (to < from) throw validationFailed({ from: 'rangeReversed' }, 'rangeReversed');
      const { totals, outcomes } = await escalationRepo.stats(db, from, to);
      const counted = new Map(outcomes.map((o) => [o.outcome, o.n]));
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        total: totals.total,
        byStatus: { open: totals.open, acknowledged: totals.acknowledged, closed: totals.closed },
        byLevel: { urgent: totals.urgent, emergency: totals.emergency },
        secondsToAcknowledge: { median: totals.median === null ? null : Math.round(totals.median), p90: totals.p90 === null ? null : Math.round(totals.p90) },
        outcomes: Object.fromEntries(ESCALATION_OUTCOMES.map((o) => [o, counted.get(o) ?? 0])) as Stats['outcomes'],
      };
    },
  };
}

export type OnCallService = ReturnType<typeof createOnCallService>;

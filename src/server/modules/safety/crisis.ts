import type { FastifyBaseLogger } from 'fastify';
import type { Locale } from '../../../contracts/common.ts';
import type { CrisisPayload } from '../../../contracts/journey.ts';
import { type escalationSource, safetyLimits } from '../../../contracts/safety.ts';
import type { z } from 'zod';
import type { Actor } from '../../access.ts';
import type { Queryable } from '../../db/client.ts';
import type { Jobs } from '../../jobs/queue.ts';
import { accountsRepo } from '../accounts/repo.ts';
import type { ServiceContext } from '../context.ts';
import { settingsRepo } from '../instance/repo.ts';
import { crisisResourcesFor, emergencyFirst } from './crisis-resources-service.ts';
import { CSSRS, type CssrsKey } from './cssrs.ts';
import { assess } from './detector.ts';
import { type OpenedEscalation, openEscalation } from './paging.ts';
import { escalationRepo } from './repo.ts';
import { createEscalationService } from './service.ts';

type Serious = 'urgent' | 'emergency';
const LEVEL_RANK = { none: 0, elevated: 1, urgent: 2, emergency: 3 } as const;

/** Which detector level opens an escalation (coordinators' safety settings); the crisis screen shows for both. */
export const ESCALATE_FROM_SETTING = 'safety_escalate_from';
export const DEFAULT_ESCALATE_FROM: Serious = 'urgent';
export async function escalateFrom(db: Queryable): Promise<Serious> {
  const value = await settingsRepo.get<string>(db, ESCALATE_FROM_SETTING);
  return value === 'emergency' || value === 'urgent' ? value : DEFAULT_ESCALATE_FROM;
}

/** What the detector made of a member's own words: only urgent and emergency readings are a crisis. */
export interface CrisisReading {
  level: Serious;
  categories: string[];
  followUp: CssrsKey | null;
  /** The fields that read urgent or more, for the escalation's excerpt (never logged, never in an event). */
  excerpt: string;
}

/**
 * Reads each field on its own (a note and a gratitude line are separate thoughts, so a sentence never runs across
 * two) and keeps the most serious reading; categories from all of them. Null: not a crisis.
 */
export function readOwnWords(fields: (string | null | undefined)[], locale: Locale): CrisisReading | null {
  const readings = fields.filter((t): t is string => Boolean(t?.trim())).map((text) => ({ text, ...assess(text, locale) }));
  const top = Math.max(0, ...readings.map((r) => LEVEL_RANK[r.level]));
  if (top < LEVEL_RANK.urgent) return null;
  const serious = readings.filter((r) => LEVEL_RANK[r.level] >= LEVEL_RANK.urgent);
  const highest = readings.filter((r) => LEVEL_RANK[r.level] === top);
  return {
    level: top === LEVEL_RANK.emergency ? 'emergency' : 'urgent',
    categories: [...new Set(readings.flatMap((r) => r.categories))],
    followUp: highest.find((r) => r.followUp)?.followUp ?? null,
    excerpt: serious.map((r) => r.text).join('\n\n').slice(0, safetyLimits.excerptMax),
  };
}

/** The member's own language (the account's), not the browser's: the crisis screen speaks to them. */
export async function memberLocale(db: Queryable, actor: Actor): Promise<Locale> {
  const locale = actor.profile?.locale ?? (await accountsRepo.findUser(db, actor.userId))?.locale;
  return locale === 'es' ? 'es' : 'en';
}

export interface CrisisHandled {
  reading: CrisisReading;
  escalationId: string | null;
  /** Set only when this save opened it: its deadline is scheduled after commit. */
  opened: OpenedEscalation | null;
}

/**
 * The answer at once to a member's words that read urgent or emergency: an escalation opened in the caller's
 * transaction (or the one already open for the same check-in, post or message), then the crisis payload.
 */
export function createCrisisAnswers(ctx: ServiceContext, deps: { jobs?: Jobs; log?: FastifyBaseLogger } = {}) {
  const { db } = ctx;
  const escalations = createEscalationService(ctx, deps);

  return {
    /**
     * In the caller's transaction, after the source row was written. A check-in's upsert holds its row lock until
     * commit, so two saves of the same day take turns and the second finds the first one's escalation.
     */
    async escalateIn(
      tx: Queryable,
      input: { memberId: string; source: z.infer<typeof escalationSource>; sourceId: string; reading: CrisisReading },
    ): Promise<CrisisHandled> {
      const { reading } = input;
      const existing = await escalationRepo.openForSource(tx, input.source, input.sourceId);
      if (existing) return { reading, escalationId: existing.id, opened: null };
      if (LEVEL_RANK[reading.level] < LEVEL_RANK[await escalateFrom(tx)]) return { reading, escalationId: null, opened: null };
      const opened = await openEscalation(tx, {
        memberId: input.memberId,
        source: input.source,
        sourceId: input.sourceId,
        level: reading.level,
        categories: reading.categories,
        excerpt: reading.excerpt,
      });
      return { reading, escalationId: opened.id, opened };
    },

    /** After commit: the deadline job (the minute sweep pages it anyway if this fails), then the payload. */
    async answer(handled: CrisisHandled, locale: Locale): Promise<CrisisPayload> {
      if (handled.opened) await escalations.scheduleDeadline(handled.opened);
      const { reading } = handled;
      const { resources } = await crisisResourcesFor(db, locale);
      return {
        level: reading.level,
        categories: reading.categories,
        resources: reading.level === 'emergency' ? emergencyFirst(resources) : resources,
        followUp: reading.followUp ? { key: reading.followUp, question: CSSRS[reading.followUp][locale] } : null,
        escalationId: handled.escalationId,
      };
    },
  };
}

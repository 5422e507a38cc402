import type { Locale } from '../../../contracts/common.ts';
import type { RISK_REASONS } from '../../../contracts/journey.ts';
import type { CopingLibraryStrategy } from '../../../contracts/resources.ts';
import type { Queryable } from '../../db/client.ts';
import { libraryRepo, presentStrategy } from './library-repo.ts';

type RiskReason = (typeof RISK_REASONS)[number];
type When = CopingLibraryStrategy['whenHelps'][number];

/** How many strategies the check-in's risk screen suggests. */
export const SUGGESTIONS_MAX = 3;

/** The moments a strategy is written for that answer each risk reason of a check-in. */
export const MOMENTS_FOR: Record<RiskReason, readonly When[]> = {
  craving: ['cravings', 'triggers', 'halt'],
  mood: ['stress', 'loneliness', 'anger'],
  used: ['cravings', 'triggers'],
};

export const momentsFor = (reasons: readonly RiskReason[]): When[] => [...new Set(reasons.flatMap((r) => MOMENTS_FOR[r]))];

/**
 * For the risk screen after a check-in: up to three approved strategies in the member's language for these moments,
 * the ones members found most helpful first, leaving out what is already in their toolbox (the screen shows that).
 */
export async function riskSuggestions(db: Queryable, userId: string, locale: Locale, reasons: readonly RiskReason[]): Promise<CopingLibraryStrategy[]> {
  if (reasons.length === 0) return [];
  const rows = await libraryRepo.suggestions(db, userId, locale, momentsFor(reasons), SUGGESTIONS_MAX);
  return rows.map((row) => presentStrategy(row, { userId, reviewer: false }));
}

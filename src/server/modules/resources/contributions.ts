import type { Actor } from '../../access.ts';
import { rateRules } from '../../http/rate-limit.ts';
import type { ServiceContext } from '../context.ts';
import { isReviewer } from './policy.ts';

/**
 * Counts a member's tip, review, suggestion or strategy (after it passed validation) and refuses it with 429 once
 * they have sent a day's worth: everything they send waits for the same few reviewers. Reviewers' own are not
 * counted (they are approved at once).
 */
export async function countContribution(ctx: ServiceContext, a: Actor): Promise<void> {
  if (!isReviewer(a)) await ctx.limiter.consume(rateRules.resourceContributionsPerAccount, a.userId);
}

import type { z } from 'zod';
import type { escalationDetail, escalationSummary, mySos } from '../../../contracts/safety.ts';
import type { EscalationRow } from './repo.ts';

type Summary = z.infer<typeof escalationSummary>;
type Detail = z.infer<typeof escalationDetail>;
type MySos = z.infer<typeof mySos>;

const iso = (d: Date | null) => d?.toISOString() ?? null;
const named = (name: string | null | undefined) => (name ? { displayName: name } : null);

/** A responder's line in a list: the member by display name only, never their id or the text. */
export function presentSummary(e: EscalationRow, names: { member: string; acknowledger: string | null; reason: string | null }): Summary {
  return {
    id: e.id,
    level: e.level as Summary['level'],
    source: e.source as Summary['source'],
    status: e.status as Summary['status'],
    openedAt: e.openedAt.toISOString(),
    member: { displayName: names.member },
    myReason: names.reason as Summary['myReason'],
    acknowledgedBy: named(names.acknowledger),
    acknowledgedAt: iso(e.acknowledgedAt),
    closedAt: iso(e.closedAt),
    outcome: e.outcome as Summary['outcome'],
  };
}

export function presentDetail(
  summary: Summary,
  e: EscalationRow,
  extra: Pick<Detail, 'notified' | 'actions' | 'safetyPlan'>,
): Detail {
  return {
    ...summary,
    categories: e.categories,
    excerpt: e.excerpt,
    sosKind: e.sosKind as Detail['sosKind'],
    nextPageAt: iso(e.nextPageAt),
    ...extra,
  };
}

/** The member's own SOS: status and who has it, nothing about who else was paged. */
export function presentMySos(e: EscalationRow, acknowledger: string | null): MySos {
  return {
    id: e.id,
    kind: (e.sosKind ?? 'talk') as MySos['kind'],
    status: e.status as MySos['status'],
    openedAt: e.openedAt.toISOString(),
    acknowledgedBy: named(acknowledger),
    acknowledgedAt: iso(e.acknowledgedAt),
    closedAt: iso(e.closedAt),
    outcome: e.outcome as MySos['outcome'],
  };
}

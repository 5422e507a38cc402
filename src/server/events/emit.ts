import type { Queryable } from '../db/client.ts';
import { domainEvent } from './tables.ts';

/** The domain events Kindred emits. Payloads name records by id; they never carry what a person wrote. */
export type DomainEvent =
  | { type: 'journey.milestone_reached'; userId: string; payload: { trackId: string; periodId: string; milestone: string; reachedOn: string; announce: boolean } }
  | { type: 'journey.risk_signal'; userId: string; payload: { checkInId: string; date: string; reasons: string[] } }
  | { type: 'journey.setback_recorded'; userId: string; payload: { trackId: string; periodId: string } }
  /** Text a person wrote was saved: the safety issue's crisis detector reads it by id. */
  | { type: 'text.saved'; userId: string; payload: { kind: 'check_in'; id: string } };

/** Writes the event in the caller's transaction, so an event exists exactly when its change does. */
export async function emit(db: Queryable, event: DomainEvent): Promise<void> {
  await db.insert(domainEvent).values({ type: event.type, userId: event.userId, payload: event.payload });
}

import type { Message } from '../../../contracts/messaging.ts';

/**
 * Messages in seq order without duplicates: a later copy of the same message (an edit, a deletion, the socket's copy
 * of one I just sent) replaces the earlier one. The same message can arrive by HTTP and by the socket in any order.
 */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  const bySeq = new Map<number, Message>();
  for (const m of current) bySeq.set(m.seq, m);
  for (const m of incoming) {
    const had = bySeq.get(m.seq);
    // An older copy (a replayed created event after the edit arrived) never undoes a newer one.
    if (had && newerOf(had, m) === had) continue;
    bySeq.set(m.seq, m);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function newerOf(a: Message, b: Message): Message {
  if (a.deleted !== b.deleted) return a.deleted ? a : b;
  const at = (m: Message) => Date.parse(m.editedAt ?? m.createdAt);
  return at(b) >= at(a) ? b : a;
}

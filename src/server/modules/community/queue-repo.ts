import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';

export type QueueKind = 'needs_care' | 'held' | 'reported';

/**
 * Puts a post in the moderation queue, or adds a reason to its open item (one open item per post). Called in the
 * transaction that saved or reported the post. Returns the open item's id.
 */
export async function openQueueItem(
  tx: Queryable,
  input: { postId: string; kind: QueueKind; rules?: string[]; escalationId?: string | null },
): Promise<string> {
  const rules = input.rules ?? [];
  const res = await tx.execute<{ id: string }>(sql`
    insert into forum_queue_item (id, post_id, kinds, rules, escalation_id)
    values (${newId()}, ${input.postId}, array[${input.kind}]::text[], ${sql`array[${sql.join(rules.map((r) => sql`${r}`), sql`, `)}]::text[]`}, ${input.escalationId ?? null})
    on conflict (post_id) where status = 'open' do update set
      kinds = (select array(select distinct unnest(forum_queue_item.kinds || excluded.kinds))),
      rules = (select array(select distinct unnest(forum_queue_item.rules || excluded.rules))),
      escalation_id = coalesce(forum_queue_item.escalation_id, excluded.escalation_id)
    returning id`);
  return res.rows[0]!.id;
}

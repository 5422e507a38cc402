import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCoordinator, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { mentorPairConversation, readMessages, sendMessage } from '../../../../test/helpers/messaging-factories.ts';

let ctx: TestContext;
let moderator: TestUser;
let coordinator: TestUser;
beforeAll(async () => {
  ctx = await createTestApp();
  [moderator, coordinator] = await Promise.all([createUser(ctx, { roles: ['moderator'] }), createCoordinator(ctx)]);
});
afterAll(() => ctx.close());

const audit = async (action: string) =>
  (await ctx.database.db.execute<{ actor_id: string; subject_id: string | null; details: Record<string, unknown> }>(sql`
    select actor_id, subject_id, details from audit_log where action = ${action} order by created_at`)).rows;

describe('reporting a message', () => {
  test('a copy of the message and five on each side goes to moderators; later edits do not change it', async () => {
    const { mentor, mentee, conversationId } = await mentorPairConversation(ctx);
    const sent = [];
    for (let i = 1; i <= 13; i++) sent.push(await sendMessage(i === 7 ? mentor : mentee, conversationId, `line ${i}`));
    const reported = sent[6]!;
    // The reporter cannot report their own words; the other person can.
    expect((await mentor.client.post(`/api/v1/messages/${reported.id}/report`, { reason: 'harassment' })).statusCode).toBe(404);
    const res = await mentee.client.post(`/api/v1/messages/${reported.id}/report`, { reason: 'harassment', note: 'This scared me' });
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    const twice = await mentee.client.post(`/api/v1/messages/${reported.id}/report`, { reason: 'spam' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('You have already reported this message.');
    await mentor.client.patch(`/api/v1/messages/${reported.id}`, { body: 'something innocent' });

    // Members, the people in the conversation included, do not read reports.
    for (const who of [mentor, mentee]) {
      expect((await who.client.get('/api/v1/moderation/message-reports')).statusCode).toBe(404);
      expect((await who.client.get(`/api/v1/moderation/message-reports/${id}`)).statusCode).toBe(404);
    }
    const list = (await moderator.client.get('/api/v1/moderation/message-reports?status=open')).json();
    expect(list.reports.find((r: { id: string }) => r.id === id)).toMatchObject({ reason: 'harassment', status: 'open', sender: { id: mentor.id } });
    const detail = await moderator.client.get(`/api/v1/moderation/message-reports/${id}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body.note).toBe('This scared me');
    expect(body.reporter.id).toBe(mentee.id);
    expect(body.context.map((l: { seq: number }) => l.seq)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(body.context.find((l: { reported: boolean }) => l.reported)).toMatchObject({ seq: 7, body: 'line 7', sender: { id: mentor.id } });
    // Nothing else of the conversation is in the answer.
    expect(detail.body).not.toContain('line 1"');
    expect(detail.body).not.toContain('line 13');

    const viewed = await audit('messaging.report_viewed');
    expect(viewed.at(-1)).toMatchObject({ actor_id: moderator.id, subject_id: mentor.id, details: { reportId: id } });
    // Audit details hold ids only, never the words.
    expect(JSON.stringify(await audit('messaging.message_reported'))).not.toContain('scared');
  });

  test('resolving with message_removed deletes the message for everyone; a resolved report is 409', async () => {
    const { mentor, mentee, conversationId } = await mentorPairConversation(ctx);
    const m = await sendMessage(mentor, conversationId, 'something hurtful');
    const { id } = (await mentee.client.post(`/api/v1/messages/${m.id}/report`, { reason: 'harassment' })).json();
    const res = await coordinator.client.post(`/api/v1/moderation/message-reports/${id}/resolve`, { resolution: 'message_removed', note: 'Removed' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ resolution: 'message_removed', resolutionNote: 'Removed', report: { status: 'resolved' } });
    expect((await readMessages(mentee, conversationId))[0]).toMatchObject({ deleted: true, body: '' });
    const row = await ctx.database.db.execute<{ deleted_by: string }>(sql`select deleted_by from message where id = ${m.id}`);
    expect(row.rows[0]!.deleted_by).toBe('moderator');
    // The report keeps its copy.
    expect((await moderator.client.get(`/api/v1/moderation/message-reports/${id}`)).json().context[0].body).toBe('something hurtful');
    const again = await moderator.client.post(`/api/v1/moderation/message-reports/${id}/resolve`, { resolution: 'no_action' });
    expect(again.statusCode).toBe(409);
    expect((await audit('messaging.report_resolved')).at(-1)).toMatchObject({ actor_id: coordinator.id, details: { reportId: id, resolution: 'message_removed' } });
    const updated = await ctx.database.db.execute<{ recipients: string[] }>(sql`
      select recipients from realtime_event where subject_id = ${m.id} and type = 'message.updated'`);
    expect(updated.rows[0]!.recipients.sort()).toEqual([mentor.id, mentee.id].sort());
  });

  test('an outsider cannot report; a deleted message cannot be reported; bad reasons are 422', async () => {
    const { mentor, mentee, conversationId } = await mentorPairConversation(ctx);
    const outsider = await createUser(ctx);
    const m = await sendMessage(mentor, conversationId, 'hello');
    expect((await outsider.client.post(`/api/v1/messages/${m.id}/report`, { reason: 'spam' })).statusCode).toBe(404);
    expect((await mentee.client.post(`/api/v1/messages/${m.id}/report`, { reason: 'rude' })).statusCode).toBe(422);
    await mentor.client.delete(`/api/v1/messages/${m.id}`);
    expect((await mentee.client.post(`/api/v1/messages/${m.id}/report`, { reason: 'spam' })).statusCode).toBe(409);
    expect((await ctx.database.db.execute(sql`select 1 from message_report where message_id = ${m.id}`)).rows).toHaveLength(0);
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCoordinator, createUser } from '../../../../test/helpers/factories.ts';
import { notificationsRepo } from './repo.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('the in-app inbox', () => {
  test('lists my notifications newest first with the actor named, counts unread, marks read', async () => {
    const reader = await createUser(ctx);
    const actor = await createUser(ctx, { displayName: 'Rosa' });
    await notificationsRepo.add(ctx.database.db, { userId: reader.id, kind: 'mentoring.requested', subjectId: reader.id, actorId: actor.id });
    await notificationsRepo.add(ctx.database.db, { userId: reader.id, kind: 'mentoring.expired' });
    const list = (await reader.client.get('/api/v1/me/notifications')).json();
    expect(list.unread).toBe(2);
    expect(list.notifications.map((n: { kind: string }) => n.kind)).toEqual(['mentoring.expired', 'mentoring.requested']);
    expect(list.notifications[0].actor).toBeNull();
    expect(list.notifications[1].actor).toEqual({ id: actor.id, displayName: 'Rosa' });

    const first = list.notifications[1].id;
    expect((await reader.client.post('/api/v1/me/notifications/read', { ids: [first] })).statusCode).toBe(204);
    const after = (await reader.client.get('/api/v1/me/notifications')).json();
    expect(after.unread).toBe(1);
    expect(after.notifications.find((n: { id: string }) => n.id === first).readAt).not.toBeNull();

    expect((await reader.client.post('/api/v1/me/notifications/read', {})).statusCode).toBe(204);
    expect((await reader.client.get('/api/v1/me/notifications')).json().unread).toBe(0);
  });

  test("nobody reads or marks someone else's notifications, coordinators included", async () => {
    const owner = await createUser(ctx);
    const other = await createUser(ctx);
    const coordinator = await createCoordinator(ctx);
    await notificationsRepo.add(ctx.database.db, { userId: owner.id, kind: 'mentoring.accepted' });
    const [mine] = (await owner.client.get('/api/v1/me/notifications')).json().notifications;
    for (const person of [other, coordinator]) {
      expect((await person.client.get('/api/v1/me/notifications')).json().notifications).toEqual([]);
      expect((await person.client.post('/api/v1/me/notifications/read', { ids: [mine.id] })).statusCode).toBe(204);
    }
    expect((await owner.client.get('/api/v1/me/notifications')).json().unread).toBe(1);
  });

  test('signed out is 401; bad input is 422', async () => {
    const anonymous = new Client(ctx.app);
    expect((await anonymous.get('/api/v1/me/notifications')).statusCode).toBe(401);
    const reader = await createUser(ctx);
    expect((await reader.client.get('/api/v1/me/notifications?limit=0')).statusCode).toBe(422);
    expect((await reader.client.post('/api/v1/me/notifications/read', { ids: ['not-an-id'] })).statusCode).toBe(422);
    expect((await reader.client.post('/api/v1/me/notifications/read', { ids: [], extra: 1 })).statusCode).toBe(422);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/app.ts';
import { connect, type Database } from '../../db/client.ts';
import { settingsRepo } from '../instance/repo.ts';
import { DEFAULT_MODERATION_SETTINGS, moderationSettingsRepo } from './settings.ts';

let database: Database;
beforeAll(async () => {
  database = connect(await createTestDatabase(), { max: 2 });
});
afterAll(() => database.close());

describe('moderationSettingsRepo', () => {
  it('gives the defaults before anything is saved, then keeps what is saved and merges patches', async () => {
    const db = database.db;
    expect(await moderationSettingsRepo.get(db)).toEqual(DEFAULT_MODERATION_SETTINGS);
    const pattern = { key: 'crypto', pattern: 'bitcoin\\s+doubler', appliesTo: 'all' as const };
    expect(await moderationSettingsRepo.update(db, { patterns: [pattern] })).toEqual({ ...DEFAULT_MODERATION_SETTINGS, patterns: [pattern] });
    await moderationSettingsRepo.update(db, { holdNewMembers: true });
    expect(await moderationSettingsRepo.get(db)).toEqual({ patterns: [pattern], linkSpamThreshold: 2, holdNewMembers: true });
    expect(await settingsRepo.get(db, 'community_moderation')).toEqual({ patterns: [pattern], linkSpamThreshold: 2, holdNewMembers: true });
  });

  it('fills parts missing from an older stored value with the defaults', async () => {
    await settingsRepo.set(database.db, 'community_moderation', { linkSpamThreshold: 5 });
    expect(await moderationSettingsRepo.get(database.db)).toEqual({ ...DEFAULT_MODERATION_SETTINGS, linkSpamThreshold: 5 });
  });
});

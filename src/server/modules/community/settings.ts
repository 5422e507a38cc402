import type { ModerationSettings } from '../../../contracts/community.ts';
import type { Queryable } from '../../db/client.ts';
import { settingsRepo } from '../instance/repo.ts';

const KEY = 'community_moderation';

/** No custom patterns, more than two links from a new author is spam, new members post straight away. */
export const DEFAULT_MODERATION_SETTINGS: ModerationSettings = { patterns: [], linkSpamThreshold: 2, holdNewMembers: false };

/** The forum's automatic-rule settings, one row in instance_setting shared by every server; absent parts take the defaults. */
export const moderationSettingsRepo = {
  async get(db: Queryable): Promise<ModerationSettings> {
    const stored = (await settingsRepo.get<Partial<ModerationSettings>>(db, KEY)) ?? {};
    return { ...DEFAULT_MODERATION_SETTINGS, ...stored, patterns: stored.patterns ?? [] };
  },
  async update(db: Queryable, patch: Partial<ModerationSettings>): Promise<ModerationSettings> {
    const next = { ...(await this.get(db)), ...patch };
    await settingsRepo.set(db, KEY, next);
    return next;
  },
};

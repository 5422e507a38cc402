import type { z } from 'zod';
import type { resourceSettings, resourceSettingsBody } from '../../../contracts/resources.ts';
import type { Queryable } from '../../db/client.ts';
import { settingsRepo } from '../instance/repo.ts';

const KEY = 'resources';

export type ResourceSettings = z.infer<typeof resourceSettings>;

/** A year between verifications; numbers without a country code are read as United States numbers. */
export const DEFAULT_RESOURCE_SETTINGS: ResourceSettings = { reverifyAfterDays: 365, phoneCountry: 'US' };

/** The directory's settings, one row in instance_setting shared by every server; absent parts take the defaults. */
export async function resourceSettingsFor(db: Queryable): Promise<ResourceSettings> {
  const stored = (await settingsRepo.get<Partial<ResourceSettings>>(db, KEY)) ?? {};
  return { ...DEFAULT_RESOURCE_SETTINGS, ...stored };
}

/** Applies a coordinator's change (already validated) and answers the whole settings. */
export async function saveResourceSettings(db: Queryable, patch: z.output<typeof resourceSettingsBody>): Promise<ResourceSettings> {
  const current = await resourceSettingsFor(db);
  const next: ResourceSettings = {
    reverifyAfterDays: patch.reverifyAfterDays ?? current.reverifyAfterDays,
    phoneCountry: patch.phoneCountry ?? current.phoneCountry,
  };
  await settingsRepo.set(db, KEY, next);
  return next;
}

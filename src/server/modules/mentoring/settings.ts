import type { MentoringSettings, Weights } from '../../../contracts/mentoring.ts';
import type { Queryable } from '../../db/client.ts';
import { settingsRepo } from '../instance/repo.ts';

const KEY = 'mentoring';

/** The documented defaults (docs/mentoring.md): shared pathway counts most, then time to meet. */
export const DEFAULT_WEIGHTS: Weights = { pathway: 3, availability: 2.5, language: 1, contact: 1.5, capacity: 1 };

export const DEFAULT_MENTORING_SETTINGS: MentoringSettings = {
  weights: DEFAULT_WEIGHTS,
  requireCertification: false,
  coordinatorsSeeNotes: false,
  overdueDays: 14,
  supervisionContact: '',
};

/** Mentoring settings, one row in instance_setting, shared by every server instance; absent parts take the defaults. */
export const mentoringSettingsRepo = {
  async get(db: Queryable): Promise<MentoringSettings> {
    const stored = (await settingsRepo.get<Partial<MentoringSettings>>(db, KEY)) ?? {};
    return { ...DEFAULT_MENTORING_SETTINGS, ...stored, weights: { ...DEFAULT_WEIGHTS, ...(stored.weights ?? {}) } };
  },
  async update(db: Queryable, patch: Partial<MentoringSettings>): Promise<MentoringSettings> {
    const next = { ...(await this.get(db)), ...patch };
    await settingsRepo.set(db, KEY, next);
    return next;
  },
};

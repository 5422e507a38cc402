import crypto from 'node:crypto';
import type { RegistrationMode } from '../../../contracts/admin.ts';
import type { Db } from '../../db/client.ts';
import { settingsRepo } from './repo.ts';

export interface InstanceSettings {
  registrationMode(): Promise<RegistrationMode>;
  setRegistrationMode(mode: RegistrationMode): Promise<void>;
  name(): string;
}

export function createInstanceSettings(db: Db, name = 'Kindred'): InstanceSettings {
  return {
    async registrationMode() {
      return (await settingsRepo.get<RegistrationMode>(db, 'registration_mode')) ?? 'open';
    },
    async setRegistrationMode(mode) {
      await settingsRepo.set(db, 'registration_mode', mode);
    },
    name: () => name,
  };
}

/**
 * The signing secret for sessions and tokens. KINDRED_SECRET wins; otherwise one is generated on first start and
 * kept in the database, so every server instance sharing the database signs alike.
 */
export async function resolveSecret(db: Db, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  return settingsRepo.getOrCreate(db, 'auth_secret', () => crypto.randomBytes(32).toString('base64url'));
}

import { z } from 'zod';
import { registrationMode } from './admin.ts';

/** What the web app needs before anyone signs in. */
export const instanceInfo = z
  .object({
    name: z.string(),
    setupRequired: z.boolean(),
    registrationMode,
    locales: z.array(z.string()),
  })
  .meta({ id: 'InstanceInfo' });
export type InstanceInfo = z.infer<typeof instanceInfo>;

export const health = z.object({ status: z.literal('ok'), database: z.literal('ok') }).meta({ id: 'Health' });

export const inviteCheck = z.object({ valid: z.literal(true), email: z.string().nullable() }).meta({ id: 'InviteCheck' });
export const inviteTokenParams = z.strictObject({ token: z.string().min(10).max(200) });

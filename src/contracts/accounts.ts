import { z } from 'zod';
import { displayName, email, isoDateTime, locale, password, role, timeZone, uuid } from './common.ts';

export const me = z
  .object({
    id: uuid,
    displayName: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    roles: z.array(role),
    locale,
    timeZone: z.string(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof me>;

export const signUpBody = z.strictObject({
  displayName,
  email,
  password,
  locale: locale.optional(),
  timeZone: timeZone.optional(),
  inviteToken: z.string().min(10).max(200).optional(),
});
export type SignUpBody = z.input<typeof signUpBody>;

export const signInBody = z.strictObject({
  email,
  password: z.string().min(1, { message: 'Enter your password' }).max(1024),
});

export const setupBody = z.strictObject({
  displayName,
  email,
  password,
  locale: locale.optional(),
  timeZone: timeZone.optional(),
});

export const verifyEmailBody = z.strictObject({ token: z.string().min(10).max(2000) });
export const emailOnlyBody = z.strictObject({ email });
export const resetPasswordBody = z.strictObject({ token: z.string().min(10).max(200), password });

export const updateMeBody = z
  .strictObject({ displayName: displayName.optional(), locale: locale.optional(), timeZone: timeZone.optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' });

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: password,
  signOutOtherDevices: z.boolean().optional(),
});

export const accepted = z.object({ status: z.literal('accepted') }).meta({ id: 'Accepted' });

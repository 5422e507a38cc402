import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { currentLocale } from '../i18n/setup.ts';
import { ApiError } from './api.ts';

/**
 * The server writes its messages in English only. The ones a person can meet in these screens are listed here so
 * they read in the person's language; anything else is shown as the server wrote it (English) or, in another
 * language, by its error code.
 */
const SERVER_TEXT: Record<string, string> = {
  'The email or password is not right.': 'server.wrongCredentials',
  'Confirm your email address first. We have sent you a new link.': 'server.emailNotVerified',
  'This password is too common. Choose a longer phrase only you would think of.': 'server.passwordTooCommon',
  'Joining needs an invitation. Ask the program coordinator for a link.': 'server.inviteNeeded',
  'This invitation has already been used or has expired.': 'server.inviteUsed',
  'This link is not valid or has expired. Ask for a new one.': 'server.linkInvalid',
  'The link did not work.': 'server.linkDidNotWork',
  'The current password is not right.': 'server.currentPasswordWrong',
  'An account with this email already exists.': 'server.accountExists',
  'Already registered': 'server.alreadyRegistered',
  'At least one coordinator must remain.': 'server.keepCoordinator',
  'Keep at least one coordinator': 'server.keepCoordinator',
  'Some fields need attention.': 'errors.validation_failed',
  'Sign in to continue.': 'errors.unauthenticated',
};

export function serverText(message: string, t: TFunction): string {
  const key = SERVER_TEXT[message];
  return key ? t(key) : message;
}

/** What to tell a person about a failed request, in their language. */
export function errorMessage(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError)) return t('errors.internal');
  if (err.code === 'rate_limited') {
    return t('errors.rate_limited', { count: Math.max(1, Math.ceil((err.retryAfterSeconds ?? 60) / 60)) });
  }
  if (SERVER_TEXT[err.message]) return serverText(err.message, t);
  if (currentLocale() === 'en' && err.code !== 'network') return err.message;
  return t(`errors.${err.code}`, { defaultValue: t('errors.internal') });
}

/** Client-side check messages, keyed by field and zod issue code, with generic fallbacks. */
export function issueMessage(field: string, issue: z.core.$ZodIssue, t: TFunction, empty: boolean): string {
  const vars = { minimum: 'minimum' in issue ? Number(issue.minimum) : 0, maximum: 'maximum' in issue ? Number(issue.maximum) : 0 };
  const candidates = [
    ...(empty ? [`validation.${field}.required`, 'validation.required'] : []),
    `validation.${field}.${issue.code}`,
    `validation.${issue.code}`,
  ];
  for (const key of candidates) {
    const text = t(key, { ...vars, defaultValue: '' });
    if (text) return text;
  }
  return issue.message;
}

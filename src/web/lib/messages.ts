import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from './api.ts';

/**
 * What to tell a person about a failed request. The server already speaks their language (the API client sends
 * Accept-Language), so its message is shown as it is; only what never reached the server is worded here.
 */
export function errorMessage(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError)) return t('errors.internal');
  if (err.code === 'network') return t('errors.network');
  if (err.code === 'rate_limited') {
    return t('errors.rate_limited', { count: Math.max(1, Math.ceil((err.retryAfterSeconds ?? 60) / 60)) });
  }
  return err.message;
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

import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../../lib/api.ts';
import { issueMessage } from '../../lib/messages.ts';

/**
 * The meeting and occurrence bodies are nested (location.latitude, movedTo.date). Their forms keep one flat value
 * per input, named by the body's dotted path, which is also how the server names a field in a 422. These helpers
 * put each message on its input, so lib/form.ts can show and focus it like any other form's.
 */

/** The input a path belongs to: the longest prefix that is an input, or an alias for a whole object ("location"). */
export function fieldFor(path: readonly PropertyKey[] | string, names: readonly string[], aliases: Record<string, string> = {}): string | undefined {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String);
  for (let n = parts.length; n > 0; n--) {
    const name = parts.slice(0, n).join('.');
    if (names.includes(name)) return name;
    if (aliases[name]) return aliases[name];
  }
  return undefined;
}

function messageFor(name: string, issue: z.core.$ZodIssue, t: TFunction, empty: boolean): string {
  const own = [...(empty ? [`meetings.validation.${name}.required`] : []), `meetings.validation.${name}.${issue.code}`, `meetings.validation.${name}.any`];
  for (const key of own) {
    const text = t(key, { defaultValue: '' });
    if (typeof text === 'string' && text) return text;
  }
  return issueMessage(name, issue, t, empty);
}

/** Checks the body with the shared schema. On failure, an error shaped like the server's 422 for form.showError. */
export function checkBody<S extends z.ZodType>(
  schema: S,
  input: unknown,
  values: Record<string, unknown>,
  t: TFunction,
  aliases: Record<string, string> = {},
): { ok: true; data: z.output<S> } | { ok: false; error: ApiError } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    // Anything not tied to an input goes to the summary ("_" is not a field name).
    const name = fieldFor(issue.path, Object.keys(values), aliases) ?? '_';
    if (fields[name]) continue;
    const value = values[name];
    const empty = value === '' || value === undefined || (Array.isArray(value) && value.length === 0);
    fields[name] = name === '_' ? issue.message : messageFor(name, issue, t, empty);
  }
  return { ok: false, error: new ApiError(422, 'validation_failed', t('form.fixFields'), fields) };
}

/** The server's 422 with its dotted field names moved onto the form's inputs. */
export function placeServerError(err: unknown, names: readonly string[], aliases: Record<string, string> = {}): unknown {
  if (!(err instanceof ApiError) || !Object.keys(err.fields).length) return err;
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(err.fields)) fields[fieldFor(path, names, aliases) ?? path] ??= message;
  return new ApiError(err.status, err.code, err.message, fields, err.retryAfterSeconds);
}

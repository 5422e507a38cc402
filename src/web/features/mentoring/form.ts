import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../../lib/api.ts';
import { issueMessage } from '../../lib/messages.ts';

/**
 * Mentoring forms check the body with the shared zod schema before sending it, like every form, but their own
 * words come first: "Choose at least one language" reads better than a generic "use at least 1 characters" for a
 * list. A failed check is shaped like the server's 422, so lib/form.ts shows and focuses it like any other.
 */

/** The form's field a body path belongs to: "availability.2.end" → "availability". */
const fieldOf = (path: readonly PropertyKey[] | string, names: readonly string[]) => {
  const first = String(typeof path === 'string' ? path.split('.')[0] : path[0]);
  return names.includes(first) ? first : undefined;
};

function messageFor(name: string, issue: z.core.$ZodIssue, t: TFunction, empty: boolean): string {
  // A window's mistake names the row, so it can be found among several.
  const row = issue.path[1];
  const vars = { n: typeof row === 'number' ? row + 1 : 1, maximum: 'maximum' in issue ? Number(issue.maximum) : 0, minimum: 'minimum' in issue ? Number(issue.minimum) : 0 };
  const own = [...(empty ? [`mentoring.validation.${name}.required`] : []), `mentoring.validation.${name}.${issue.code}`, `mentoring.validation.${name}.any`];
  for (const key of own) {
    const text = t(key, { ...vars, defaultValue: '' });
    if (typeof text === 'string' && text) return text;
  }
  return issueMessage(name, issue, t, empty);
}

export function checkBody<S extends z.ZodType>(schema: S, input: unknown, values: Record<string, unknown>, t: TFunction): { ok: true; data: z.output<S> } | { ok: false; error: ApiError } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const names = Object.keys(values);
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    // Anything not tied to an input goes to the summary ("_" is not a field name).
    const name = fieldOf(issue.path, names) ?? '_';
    if (fields[name]) continue;
    const value = values[name];
    const empty = value === '' || value === undefined || (Array.isArray(value) && value.length === 0);
    fields[name] = name === '_' ? issue.message : messageFor(name, issue, t, empty);
  }
  return { ok: false, error: new ApiError(422, 'validation_failed', t('form.fixFields'), fields) };
}

/** The server's 422 with dotted names ("availability.0.end") moved onto the form's inputs. */
export function placeServerError(err: unknown, names: readonly string[]): unknown {
  if (!(err instanceof ApiError) || !Object.keys(err.fields).length) return err;
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(err.fields)) fields[fieldOf(path, names) ?? path] ??= message;
  return new ApiError(err.status, err.code, err.message, fields, err.retryAfterSeconds);
}

import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from './api.ts';
import { errorMessage, issueMessage } from './messages.ts';

/** Form state: text, a checkbox, a list of choices, or rows of text (e.g. contacts with a name and a phone). */
type Values = Record<string, string | boolean | string[] | Record<string, string>[]>;

export interface FormFeedback {
  /** One line for the alert region at the top of the form. */
  summary: string | null;
  /** Field name -> message, shown next to the field and listed in the summary. */
  fields: Record<string, string>;
}

/**
 * State for one form: values, client-side checks with the shared zod schema, the server's answer mapped onto the
 * fields, and focus moved to the first field that needs a change (or to the summary when no field does).
 */
export function useForm<V extends Values, S extends z.ZodType>(schema: S, initial: V, toInput: (v: V) => unknown = (v) => v) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState<V>(initial);
  const [feedback, setFeedback] = useState<FormFeedback>({ summary: null, fields: {} });
  const [attempt, setAttempt] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const fieldId = (name: string) => `${id}-${name}`;

  useEffect(() => {
    if (attempt === 0) return;
    const first = Object.keys(feedback.fields).find((name) => document.getElementById(fieldId(name)));
    if (first) document.getElementById(fieldId(first))?.focus();
    else if (feedback.summary) summaryRef.current?.focus();
    // Only after a submit attempt, not on every keystroke.
  }, [attempt]);

  const show = (next: FormFeedback) => {
    setFeedback(next);
    setAttempt((n) => n + 1);
  };

  function showError(err: unknown) {
    const fields: Record<string, string> = {};
    let unplaced: string | undefined;
    if (err instanceof ApiError) {
      for (const [name, message] of Object.entries(err.fields)) {
        if (name in values) fields[name] = message;
        else unplaced ??= message;
      }
    }
    const summary = Object.keys(fields).length && !unplaced ? t('form.fixFields') : (unplaced ?? errorMessage(err, t));
    show({ summary, fields });
  }

  const handleSubmit = (onValid: (data: z.output<S>) => Promise<void> | void) => async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const parsed = schema.safeParse(toInput(values));
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0] ?? '');
        if (!name || fields[name]) continue;
        fields[name] = issueMessage(name, issue, t, values[name] === '' || values[name] === undefined);
      }
      show({ summary: t('form.fixFields'), fields });
      return;
    }
    setSubmitting(true);
    setFeedback({ summary: null, fields: {} });
    try {
      await onValid(parsed.data);
    } catch (err) {
      showError(err);
    } finally {
      setSubmitting(false);
    }
  };

  /** Props for one of the field components in components/. */
  const field = <K extends keyof V & string>(name: K) => ({
    id: fieldId(name),
    name,
    value: values[name],
    error: feedback.fields[name],
    onChange: (value: V[K]) => setValues((v) => ({ ...v, [name]: value })),
  });

  return { values, setValues, field, feedback, fieldId, summaryRef, handleSubmit, showError, submitting, reset: () => setValues(initial) };
}

export type FormApi = ReturnType<typeof useForm>;

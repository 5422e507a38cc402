import { useEffect, useRef, useState } from 'react';
import type { FormFeedback } from './form.ts';

/**
 * Feedback and keyboard focus for a form with a list of rows (crisis lines, the forum's rules): after a failed save,
 * focus goes to the first field that needs a change, in page order (`names()`), else to the summary; after adding,
 * moving or removing a row, `setFocus(id)` keeps the keyboard's place.
 */
export function useListFormFeedback(names: () => string[], fieldId: (name: string) => string) {
  const [feedback, setFeedback] = useState<FormFeedback>({ summary: null, fields: {} });
  const [attempt, setAttempt] = useState(0);
  const [focus, setFocus] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt === 0) return;
    const first = names().find((name) => feedback.fields[name]);
    if (first) document.getElementById(fieldId(first))?.focus();
    else summaryRef.current?.focus();
  }, [attempt]);
  useEffect(() => {
    if (!focus) return;
    document.getElementById(focus)?.focus();
    setFocus(null);
  }, [focus]);

  const fail = (fields: Record<string, string>, summary: string) => {
    setFeedback({ summary, fields });
    setAttempt((n) => n + 1);
  };
  return { feedback, setFeedback, fail, setFocus, summaryRef };
}

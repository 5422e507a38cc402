import { useState } from 'react';

/**
 * Checkboxes saved as soon as they change (a consent, a responder's certification, a person's own choices). Each
 * shows its new value at once while it saves, then the stored one again (the server's answer, or the old value when
 * saving failed). `last` is what was saved most recently, for the page to say so in its status region; it clears
 * when another change starts.
 */
export function useInstantToggles<Saved>() {
  const [saving, setSaving] = useState<Record<string, boolean>>({});
  const [last, setLast] = useState<Saved | null>(null);
  return {
    last,
    /** What `key`'s checkbox shows: the value being saved, else the stored one. */
    checked: (key: string, stored: boolean) => saving[key] ?? stored,
    /** Shows `on` for `key` at once and runs `save`, which calls back when the server has answered. */
    change(key: string, on: boolean, saved: Saved, save: (done: { onSuccess: () => void; onSettled: () => void }) => void) {
      setLast(null);
      setSaving((s) => ({ ...s, [key]: on }));
      save({ onSuccess: () => setLast(saved), onSettled: () => setSaving(({ [key]: _, ...rest }) => rest) });
    },
  };
}

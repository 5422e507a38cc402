import { describedBy, FieldFrame } from '../../components/FieldNotes.tsx';

/** A native date-and-time picker; its value is the browser's local time, "YYYY-MM-DDTHH:mm". */
export function DateTimeField({ id, name, label, hint, error, value, onChange }: { id: string; name: string; label: string; hint?: string; error?: string | undefined; value: string; onChange: (v: string) => void }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type="datetime-local"
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the browser's local "YYYY-MM-DDTHH:mm". */
export const toLocalInput = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** The browser's local "YYYY-MM-DDTHH:mm" as an ISO instant (the browser's zone decides the offset); null if unreadable. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

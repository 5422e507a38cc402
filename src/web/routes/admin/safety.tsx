import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ESCALATION_LEVELS, ESCALATION_OUTCOMES, ESCALATION_STATUSES, safetyLimits } from '../../../contracts/safety.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { RadioGroup } from '../../components/Choices.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { type EscalationStats, type SafetySettings, useEscalationStats, useSafetySettings, useSaveSafetySettings } from '../../features/safety/api.ts';
import { currentLocale } from '../../i18n/setup.ts';
import { ApiError } from '../../lib/api.ts';
import { addDays } from '../../lib/local-date.ts';
import { errorMessage } from '../../lib/messages.ts';
import '../../styles/safety.css';
import { AdminPage } from './layout.tsx';

/** How long before the next person is paged, and how the community's crisis response has gone (no names). */
export function SafetyPage() {
  const { t } = useTranslation();
  const settings = useSafetySettings();
  return (
    <AdminPage title={t('safety.admin.title')} lead={t('safety.admin.lead')}>
      <section className="card" aria-labelledby="safety-ack">
        <h2 id="safety-ack">{t('safety.admin.ackTitle')}</h2>
        <p>{t('safety.admin.ackLead')}</p>
        {settings.isPending && <Loading />}
        {settings.isError && <Alert tone="error" title={errorMessage(settings.error, t)} />}
        {settings.data && <AckForm current={settings.data} />}
      </section>
      <Stats />
    </AdminPage>
  );
}

function AckForm({ current }: { current: SafetySettings }) {
  const { t } = useTranslation();
  const save = useSaveSafetySettings();
  const [values, setValues] = useState({ emergency: String(current.ackMinutes.emergency), urgent: String(current.ackMinutes.urgent) });
  const [escalateFrom, setEscalateFrom] = useState(current.escalateFrom);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const next: Record<string, string> = {};
    const minutes = { emergency: Number(values.emergency), urgent: Number(values.urgent) };
    for (const level of ESCALATION_LEVELS) {
      const m = minutes[level];
      if (!values[level].trim() || !Number.isInteger(m) || m < 1 || m > safetyLimits.ackMinutesMax) next[level] = t('safety.admin.minutesRange', { max: safetyLimits.ackMinutesMax });
    }
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      document.getElementById(`ack-${first}`)?.focus();
      return;
    }
    save.mutate(
      { ackMinutes: minutes, escalateFrom },
      {
        onSuccess: () => setSaved(true),
        onError: (err) => {
          if (err instanceof ApiError) setErrors(Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k.replace('ackMinutes.', ''), v])));
        },
      },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="safety-ack">
      <RadioGroup<SafetySettings['escalateFrom']>
        id="escalate-from"
        name="escalateFrom"
        legend={t('safety.admin.escalateFrom')}
        hint={t('safety.admin.escalateFromHint')}
        error={errors.escalateFrom}
        options={ESCALATION_LEVELS.map((level) => ({ value: level, label: t(`safety.admin.escalateFromOptions.${level}`) }))}
        value={escalateFrom}
        onChange={setEscalateFrom}
      />
      {(['emergency', 'urgent'] as const).map((level) => (
        <TextField
          key={level}
          id={`ack-${level}`}
          name={level}
          label={t(`safety.admin.ack.${level}`)}
          hint={t(`safety.admin.ackHint.${level}`)}
          error={errors[level]}
          value={values[level]}
          onChange={(v) => setValues((s) => ({ ...s, [level]: v }))}
          inputMode="numeric"
        />
      ))}
      <div role="status">{saved && <Alert tone="success" title={t('safety.admin.saved')} />}</div>
      {save.isError && <Alert live tone="error" title={errorMessage(save.error, t)} />}
      <Button type="submit" pending={save.isPending}>
        {t('safety.admin.save')}
      </Button>
    </form>
  );
}

const today = () => new Date().toLocaleDateString('en-CA');

/** From/to are local dates; the range sent covers the whole of both days in the browser's zone. */
function Stats() {
  const { t } = useTranslation();
  const [range, setRange] = useState({ from: addDays(today(), -29), to: today() });
  const [draft, setDraft] = useState(range);
  const from = new Date(`${range.from}T00:00`).toISOString();
  const to = new Date(`${addDays(range.to, 1)}T00:00`).toISOString();
  const stats = useEscalationStats(from, to);
  return (
    <section aria-labelledby="safety-stats">
      <h2 id="safety-stats">{t('safety.admin.statsTitle')}</h2>
      <p>{t('safety.admin.statsLead')}</p>
      <form
        className="search-form"
        aria-label={t('safety.admin.rangeLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.from && draft.to) setRange(draft);
        }}
      >
        <TextField id="stats-from" name="from" type="date" label={t('safety.admin.from')} value={draft.from} onChange={(v) => setDraft((d) => ({ ...d, from: v }))} />
        <TextField id="stats-to" name="to" type="date" label={t('safety.admin.to')} value={draft.to} onChange={(v) => setDraft((d) => ({ ...d, to: v }))} />
        <Button type="submit" variant="secondary">
          {t('safety.admin.show')}
        </Button>
      </form>
      {stats.isPending && <Loading />}
      {stats.isError && <Alert tone="error" title={errorMessage(stats.error, t)} />}
      {stats.data && <StatsTables stats={stats.data} />}
    </section>
  );
}

function duration(seconds: number | null, t: ReturnType<typeof useTranslation>['t']): string {
  if (seconds === null) return t('safety.admin.noData');
  const minutes = seconds / 60;
  if (minutes < 1) return t('safety.admin.seconds', { count: Math.round(seconds) });
  if (minutes < 120) return t('safety.admin.minutes', { count: Math.round(minutes) });
  return t('safety.admin.hours', { count: Math.round(minutes / 6) / 10 });
}

function StatsTables({ stats }: { stats: EscalationStats }) {
  const { t } = useTranslation();
  const n = new Intl.NumberFormat(currentLocale());
  return (
    <div className="stats">
      <table className="stats-table">
        <caption>{t('safety.admin.countsCaption', { count: stats.total })}</caption>
        <tbody>
          {ESCALATION_STATUSES.map((s) => (
            <tr key={s}>
              <th scope="row">{t(`safety.statuses.${s}`)}</th>
              <td>{n.format(stats.byStatus[s])}</td>
            </tr>
          ))}
          {ESCALATION_LEVELS.map((l) => (
            <tr key={l}>
              <th scope="row">{t(`safety.levels.${l}`)}</th>
              <td>{n.format(stats.byLevel[l])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="stats-table">
        <caption>{t('safety.admin.ackCaption')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('safety.admin.median')}</th>
            <td>{duration(stats.secondsToAcknowledge.median, t)}</td>
          </tr>
          <tr>
            <th scope="row">{t('safety.admin.p90')}</th>
            <td>{duration(stats.secondsToAcknowledge.p90, t)}</td>
          </tr>
        </tbody>
      </table>
      <table className="stats-table">
        <caption>{t('safety.admin.outcomesCaption')}</caption>
        <tbody>
          {ESCALATION_OUTCOMES.map((o) => (
            <tr key={o}>
              <th scope="row">{t(`safety.outcomes.${o}`)}</th>
              <td>{n.format(stats.outcomes[o])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

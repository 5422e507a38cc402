import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { checkInBody, TRIGGERS, USED } from '../../../contracts/journey.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChipGroup } from '../../components/Chips.tsx';
import { Form } from '../../components/Form.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useMe } from '../../features/account/api.ts';
import { type CheckIn, type SavedCheckIn, usePrefetchSupport, useCheckIns, useSaveCheckIn } from '../../features/journey/api.ts';
import { JourneyPage } from '../../features/journey/JourneyPage.tsx';
import { RiskSupport } from '../../features/journey/RiskSupport.tsx';
import { CrisisPanel } from '../../features/safety/CrisisPanel.tsx';
import type { CrisisPayload } from '../../../contracts/safety.ts';
import { currentLocale } from '../../i18n/setup.ts';
import { useForm } from '../../lib/form.ts';
import { formatLocalDate, todayIn } from '../../lib/local-date.ts';
import { errorMessage } from '../../lib/messages.ts';

export const MOODS = ['1', '2', '3', '4', '5'] as const;
const CRAVINGS = Array.from({ length: 11 }, (_, i) => String(i));

/** Today's check-in: one per local day, editable all day. */
export function CheckInPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const today = todayIn(me.timeZone);
  const existing = useCheckIns(today, today);
  // The support a hard day needs is loaded now, so it can show the moment the check-in is saved.
  usePrefetchSupport();
  // `crisis` is optional here so this page works with a server that does not send it yet.
  const [saved, setSaved] = useState<(SavedCheckIn & { crisis?: CrisisPayload | null }) | null>(null);
  const [editing, setEditing] = useState(false);
  const supportRef = useRef<HTMLHeadingElement>(null);
  const thanksRef = useRef<HTMLHeadingElement>(null);
  const crisisRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!saved) return;
    (saved.crisis ? crisisRef : saved.risk ? supportRef : thanksRef).current?.focus();
  }, [saved]);

  const todays = saved?.checkIn ?? existing.data?.checkIns.find((c) => c.date === today);
  const showForm = editing || (!saved && !todays);

  return (
    <JourneyPage
      title={t('journey.pages.check-in.title')}
      lead={!saved?.risk && !saved?.crisis && <p>{formatLocalDate(today, currentLocale(), 'long')}</p>}
      first={
        (saved?.crisis || saved?.risk) && (
          <>
            {/* A crisis comes before anything else; the craving and mood support follows it when both apply. */}
            {saved.crisis && <CrisisPanel crisis={saved.crisis} ref={crisisRef} />}
            {saved.risk && <RiskSupport reasons={saved.risk.reasons} suggestions={saved.risk.suggestions} ref={supportRef} />}
          </>
        )
      }
    >
      {existing.isPending && <Loading />}
      {existing.isError && <Alert tone="error" title={errorMessage(existing.error, t)} />}
      {existing.data &&
        (showForm ? (
          <CheckInForm
            date={today}
            existing={todays}
            onSaved={(result) => {
              setEditing(false);
              setSaved(result);
            }}
            onCancel={todays ? () => setEditing(false) : undefined}
          />
        ) : (
          <section className="card" aria-labelledby="check-in-done">
            <h2 id="check-in-done" ref={thanksRef} tabIndex={-1}>
              {saved ? (saved.risk || saved.crisis ? t('journey.checkIn.savedQuiet') : t('journey.checkIn.thanks')) : t('journey.checkIn.already')}
            </h2>
            {saved && !saved.risk && !saved.crisis && <p>{t('journey.checkIn.thanksLead')}</p>}
            {(saved ?? existing.data) && <p>{t('journey.streak.current', { count: (saved ?? existing.data).streak.current })}</p>}
            {todays && <CheckInSummary checkIn={todays} />}
            <div className="actions">
              <Button variant="secondary" onClick={() => setEditing(true)}>
                {t('journey.checkIn.edit')}
              </Button>
              <Link to="/journey/history" className="button button--quiet">
                {t('journey.checkIn.seeHistory')}
              </Link>
            </div>
          </section>
        ))}
    </JourneyPage>
  );
}

/** What was answered, in words. */
export function CheckInSummary({ checkIn }: { checkIn: CheckIn }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <div>
        <dt>{t('journey.checkIn.mood')}</dt>
        <dd>{t(`journey.mood.${checkIn.mood}`)}</dd>
      </div>
      <div>
        <dt>{t('journey.checkIn.craving')}</dt>
        <dd>{t('journey.checkIn.cravingValue', { value: checkIn.craving })}</dd>
      </div>
      <div>
        <dt>{t('journey.checkIn.used')}</dt>
        <dd>{t(`journey.used.${checkIn.used}`)}</dd>
      </div>
      {checkIn.triggers.length + (checkIn.triggerNote ? 1 : 0) > 0 && (
        <div>
          <dt>{t('journey.checkIn.triggers')}</dt>
          <dd>{[...checkIn.triggers.map((tr) => t(`journey.triggers.${tr}`)), ...(checkIn.triggerNote ? [checkIn.triggerNote] : [])].join(', ')}</dd>
        </div>
      )}
      {checkIn.hoursSlept !== null && (
        <div>
          <dt>{t('journey.checkIn.hoursSlept')}</dt>
          <dd>{t('journey.checkIn.hoursValue', { count: checkIn.hoursSlept })}</dd>
        </div>
      )}
      <div>
        <dt>{t('journey.checkIn.meetings')}</dt>
        <dd>{checkIn.meetings}</dd>
      </div>
      {checkIn.gratitude && (
        <div>
          <dt>{t('journey.checkIn.gratitude')}</dt>
          <dd>{checkIn.gratitude}</dd>
        </div>
      )}
      {checkIn.notes && (
        <div>
          <dt>{t('journey.checkIn.notesLabel')}</dt>
          <dd>{checkIn.notes}</dd>
        </div>
      )}
    </dl>
  );
}

const optional = (s: string) => (s.trim() === '' ? undefined : s.trim());
const numberOrUndefined = (s: string) => (s.trim() === '' ? undefined : Number(s.trim().replace(',', '.')));

function CheckInForm({ date, existing, onSaved, onCancel }: { date: string; existing?: CheckIn; onSaved: (r: SavedCheckIn) => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCheckIn(date);
  const form = useForm(
    checkInBody,
    {
      mood: existing ? String(existing.mood) : '',
      craving: existing ? String(existing.craving) : '',
      triggers: (existing?.triggers ?? []) as string[],
      triggerNote: existing?.triggerNote ?? '',
      used: existing?.used ?? '',
      hoursSlept: existing?.hoursSlept != null ? String(existing.hoursSlept) : '',
      meetings: String(existing?.meetings ?? 0),
      gratitude: existing?.gratitude ?? '',
      notes: existing?.notes ?? '',
    },
    (v) => ({
      mood: numberOrUndefined(v.mood),
      craving: numberOrUndefined(v.craving),
      triggers: v.triggers,
      triggerNote: optional(v.triggerNote),
      used: v.used || undefined,
      hoursSlept: numberOrUndefined(v.hoursSlept),
      meetings: numberOrUndefined(v.meetings) ?? 0,
      gratitude: optional(v.gratitude),
      notes: optional(v.notes),
    }),
  );
  const submit = form.handleSubmit(async (body) => onSaved(await save.mutateAsync(body)));
  const mood = form.field('mood');
  const craving = form.field('craving');
  const triggers = form.field('triggers');
  const used = form.field('used');
  return (
    <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('journey.pages.check-in.title')}>
      <ChipGroup
        {...mood}
        legend={t('journey.checkIn.moodQuestion')}
        layout="scale"
        options={MOODS.map((m) => ({
          value: m,
          label: (
            <>
              <span className="chip-number">{m}</span> <span className="chip-word">{t(`journey.mood.${m}`)}</span>
            </>
          ),
        }))}
      />
      <ChipGroup
        {...craving}
        legend={t('journey.checkIn.cravingQuestion')}
        hint={t('journey.checkIn.cravingHint')}
        layout="scale"
        options={CRAVINGS.map((c) => ({ value: c, label: c }))}
      />
      <ChipGroup
        {...triggers}
        multiple
        legend={t('journey.checkIn.triggersQuestion')}
        hint={t('journey.checkIn.triggersHint')}
        options={TRIGGERS.map((tr) => ({ value: tr, label: t(`journey.triggers.${tr}`) }))}
      />
      <TextField {...form.field('triggerNote')} label={t('journey.checkIn.triggerNote')} />
      <ChipGroup {...used} legend={t('journey.checkIn.usedQuestion')} hint={t('journey.checkIn.usedHint')} options={USED.map((u) => ({ value: u, label: t(`journey.used.${u}`) }))} />
      <TextField {...form.field('hoursSlept')} label={t('journey.checkIn.hoursSlept')} hint={t('journey.checkIn.hoursSleptHint')} inputMode="decimal" />
      <TextField {...form.field('meetings')} label={t('journey.checkIn.meetingsQuestion')} inputMode="numeric" />
      <TextAreaField {...form.field('gratitude')} label={t('journey.checkIn.gratitudeQuestion')} hint={t('journey.checkIn.gratitudeHint')} maxLength={2000} />
      <TextAreaField {...form.field('notes')} label={t('journey.checkIn.notes')} hint={t('journey.checkIn.notesHint')} maxLength={4000} rows={4} />
      <Button type="submit" pending={form.submitting}>
        {existing ? t('journey.checkIn.update') : t('journey.checkIn.submit')}
      </Button>
      {onCancel && (
        <Button variant="quiet" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      )}
    </Form>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createTrackBody, resetBody, updateTrackBody } from '../../../contracts/journey.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Choices.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { type SobrietyTrack, useCreateTrack, useRecordSetback, useSobriety, useUpdateTrack } from '../../features/journey/api.ts';
import { JourneyPage } from '../../features/journey/JourneyPage.tsx';
import { TrackCount } from '../../features/journey/TrackCount.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { useForm } from '../../lib/form.ts';
import { formatLocalDate } from '../../lib/local-date.ts';
import { errorMessage } from '../../lib/messages.ts';

/** Recovery dates: the count, milestones, every period kept, and a setback recorded without erasing anything. */
export function SobrietyPage() {
  const { t } = useTranslation();
  const sobriety = useSobriety();
  const [adding, setAdding] = useState(false);
  return (
    <JourneyPage title={t('journey.pages.sobriety.title')} lead={<p>{t('journey.sobriety.lead')}</p>}>
      {sobriety.isPending && <Loading />}
      {sobriety.isError && <Alert tone="error" title={errorMessage(sobriety.error, t)} />}
      {sobriety.data && (
        <>
          {sobriety.data.tracks.map((track) => (
            <TrackCard key={track.id} track={track} today={sobriety.data.today} />
          ))}
          {sobriety.data.tracks.length === 0 || adding ? (
            <AddTrack today={sobriety.data.today} first={sobriety.data.tracks.length === 0} onDone={() => setAdding(false)} />
          ) : (
            <Button variant="secondary" onClick={() => setAdding(true)}>
              {t('journey.sobriety.addAnother')}
            </Button>
          )}
        </>
      )}
    </JourneyPage>
  );
}

function TrackCard({ track, today }: { track: SobrietyTrack; today: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const update = useUpdateTrack();
  const [mode, setMode] = useState<'view' | 'rename' | 'setback'>('view');
  // The checkbox follows the tap at once; a failed save puts it back.
  const [announce, setAnnounce] = useState(track.announceMilestones);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const headingId = `track-${track.id}`;
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const periods = [...track.periods].sort((a, b) => b.startedOn.localeCompare(a.startedOn));
  return (
    <section className="card track" aria-labelledby={headingId}>
      <h2 id={headingId}>{track.label}</h2>
      <TrackCount track={track} />
      {notice && (
        <Alert tone="success" title={notice} ref={noticeRef} />
      )}
      <dl className="facts">
        <div>
          <dt>{t('journey.sobriety.longest')}</dt>
          <dd>{t('journey.days', { count: track.longestStreakDays })}</dd>
        </div>
        <div>
          <dt>{t('journey.sobriety.total')}</dt>
          <dd>{t('journey.days', { count: track.totalDays })}</dd>
        </div>
      </dl>

      <h3>{t('journey.sobriety.historyTitle')}</h3>
      <ol className="periods">
        {periods.map((p) => (
          <li key={p.startedOn}>
            <span>
              {formatLocalDate(p.startedOn, locale)} – {p.endedOn ? formatLocalDate(p.endedOn, locale) : t('journey.sobriety.today')}
            </span>{' '}
            <span className="muted">· {t('journey.days', { count: p.days })}</span>
            {p.setbackNote && <p className="period-note">{t('journey.sobriety.yourNote', { note: p.setbackNote })}</p>}
          </li>
        ))}
      </ol>

      <Checkbox
        id={`${headingId}-announce`}
        name="announceMilestones"
        checked={announce}
        onChange={(announceMilestones) => {
          setAnnounce(announceMilestones);
          update.mutate({ id: track.id, announceMilestones }, { onError: () => setAnnounce(!announceMilestones) });
        }}
        label={t('journey.sobriety.announce')}
        hint={t('journey.sobriety.announceHint')}
      />
      {update.isError && <Alert live tone="error" title={errorMessage(update.error, t)} />}

      {mode === 'rename' && <RenameTrack track={track} onDone={() => setMode('view')} />}
      {mode === 'setback' && (
        <SetbackForm
          track={track}
          today={today}
          onCancel={() => setMode('view')}
          onDone={() => {
            setMode('view');
            setNotice(t('journey.setback.saved'));
          }}
        />
      )}
      {mode === 'view' && (
        <div className="actions">
          <Button variant="secondary" onClick={() => setMode('setback')} aria-describedby={headingId}>
            {t('journey.setback.open')}
          </Button>
          <Button variant="quiet" onClick={() => setMode('rename')} aria-describedby={headingId}>
            {t('journey.sobriety.rename')}
          </Button>
        </div>
      )}
    </section>
  );
}

function RenameTrack({ track, onDone }: { track: SobrietyTrack; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateTrack();
  const form = useForm(updateTrackBody, { label: track.label });
  const submit = form.handleSubmit(async (body) => {
    await update.mutateAsync({ id: track.id, ...body });
    onDone();
  });
  return (
    <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('journey.sobriety.rename')}>
      <TextField {...form.field('label')} label={t('journey.sobriety.label')} hint={t('journey.sobriety.labelHint')} />
      <FormActions submitLabel={t('journey.sobriety.saveName')} pending={form.submitting} onCancel={onDone} />
    </Form>
  );
}

function SetbackForm({ track, today, onDone, onCancel }: { track: SobrietyTrack; today: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const reset = useRecordSetback();
  const form = useForm(resetBody, { startedOn: today, note: '' }, (v) => ({ trackId: track.id, startedOn: v.startedOn || undefined, note: v.note.trim() || undefined }));
  const submit = form.handleSubmit(async (body) => {
    await reset.mutateAsync(body);
    onDone();
  });
  // Opened from a button: the reader lands on the reassurance first, then the form.
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  return (
    <div className="inset">
      <h3 ref={title} tabIndex={-1}>
        {t('journey.setback.title')}
      </h3>
      <p>{t('journey.setback.lead')}</p>
      <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('journey.setback.title')}>
        <TextField {...form.field('startedOn')} type="date" max={today} label={t('journey.setback.startedOn')} hint={t('journey.setback.startedOnHint')} />
        <TextAreaField {...form.field('note')} label={t('journey.setback.note')} hint={t('journey.setback.noteHint')} maxLength={2000} />
        <FormActions submitLabel={t('journey.setback.submit')} pending={form.submitting} onCancel={onCancel} />
      </Form>
    </div>
  );
}

function AddTrack({ today, first, onDone }: { today: string; first: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTrack();
  const form = useForm(createTrackBody, { label: '', startedOn: '', announceMilestones: false as boolean });
  const submit = form.handleSubmit(async (body) => {
    await create.mutateAsync(body);
    form.reset();
    onDone();
  });
  const announce = form.field('announceMilestones');
  return (
    <section className="card" aria-labelledby="add-track">
      <h2 id="add-track">{first ? t('journey.sobriety.addFirst') : t('journey.sobriety.addAnother')}</h2>
      {first && <p>{t('journey.sobriety.addFirstLead')}</p>}
      <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('journey.sobriety.addAnother')}>
        <TextField {...form.field('label')} label={t('journey.sobriety.label')} hint={t('journey.sobriety.labelHint')} />
        <TextField {...form.field('startedOn')} type="date" max={today} label={t('journey.sobriety.startedOn')} hint={t('journey.sobriety.startedOnHint')} />
        <Checkbox id={announce.id} name={announce.name} checked={announce.value} onChange={announce.onChange} label={t('journey.sobriety.announce')} hint={t('journey.sobriety.announceHint')} />
        <FormActions submitLabel={t('journey.sobriety.save')} pending={form.submitting} onCancel={!first ? onDone : undefined} />
      </Form>
    </section>
  );
}

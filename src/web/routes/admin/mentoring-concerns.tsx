import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { concernCloseBody, mentoringLimits } from '../../../contracts/mentoring.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { RadioGroup } from '../../components/Choices.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { type Concern, type ConcernFilter, useAcknowledgeConcern, useCloseConcern, useConcerns } from '../../features/mentoring/admin-api.ts';
import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDateTime } from '../../lib/time.ts';
import { MentoringAdminPage, useMentoringWords } from './mentoring-parts.tsx';

/** What mentors have raised with coordinators, tracked from open to acknowledged to closed with an outcome. */
export function MentoringConcernsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<ConcernFilter>('open');
  const concerns = useConcerns(filter);
  // Said at the top: the card acted on may change or leave the list, taking focus with it.
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const announce = (text: string) => setDone((d) => ({ text, n: (d?.n ?? 0) + 1 }));
  return (
    <MentoringAdminPage title={t('mentoringAdmin.concerns.title')} lead={t('mentoringAdmin.concerns.lead')}>
      <RadioGroup<ConcernFilter>
        id="concerns-filter"
        name="status"
        legend={t('mentoringAdmin.concerns.show')}
        options={[
          { value: 'open', label: t('mentoringAdmin.concerns.showOpen') },
          { value: 'all', label: t('mentoringAdmin.concerns.showAll') },
        ]}
        value={filter}
        onChange={(f) => {
          setDone(null);
          setFilter(f);
        }}
      />
      {done && <Done key={done.n} text={done.text} />}
      {concerns.isPending && <Loading />}
      {concerns.isError && <Alert tone="error" title={errorMessage(concerns.error, t)} />}
      {concerns.data && (
        <>
          <p className="muted" role="status">
            {t(filter === 'open' ? 'mentoringAdmin.concerns.countOpen' : 'mentoringAdmin.concerns.countAll', { count: concerns.data.length })}
          </p>
          <ul className="card-list card-list--single">
            {[...concerns.data]
              .sort((a, b) => b.openedAt.localeCompare(a.openedAt))
              .map((c) => (
                <ConcernCard key={c.id} concern={c} announce={announce} />
              ))}
          </ul>
        </>
      )}
    </MentoringAdminPage>
  );
}

function Done({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return <Alert ref={ref} tone="success" title={text} />;
}

const STATUS_BADGE: Record<Concern['status'], string> = { open: 'badge badge--warning', acknowledged: 'badge badge--pending', closed: 'badge' };

function ConcernCard({ concern: c, announce }: { concern: Concern; announce: (text: string) => void }) {
  const { t } = useTranslation();
  const { locale } = useMentoringWords();
  const acknowledge = useAcknowledgeConcern();
  const [closing, setClosing] = useState(false);
  const headingId = `concern-${c.id}`;
  const kind = t(`mentoringAdmin.concernKinds.${c.kind}`);
  return (
    <li className={c.kind === 'safety' && c.status !== 'closed' ? 'card concern-card concern-card--safety' : 'card concern-card'}>
      <h2 className="card-title" id={headingId}>
        {t('mentoringAdmin.concerns.heading', { kind, mentor: c.mentor.displayName })}
      </h2>
      <p className="badges">
        <span className={STATUS_BADGE[c.status]}>{t(`mentoringAdmin.concernStatus.${c.status}`)}</span>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('mentoringAdmin.concerns.kind')}</dt>
          <dd>{kind}</dd>
        </div>
        <div>
          <dt>{t('mentoringAdmin.concerns.mentor')}</dt>
          <dd>{c.mentor.displayName}</dd>
        </div>
        <div>
          <dt>{t('mentoringAdmin.concerns.mentee')}</dt>
          <dd>{c.mentee?.displayName ?? t('mentoringAdmin.concerns.noMentee')}</dd>
        </div>
        <div>
          <dt>{t('mentoringAdmin.concerns.opened')}</dt>
          <dd>
            <time dateTime={c.openedAt}>{formatDateTime(c.openedAt, locale)}</time>
          </dd>
        </div>
        {c.acknowledgedAt && (
          <div>
            <dt>{t('mentoringAdmin.concerns.acknowledged')}</dt>
            <dd>
              {c.acknowledgedBy
                ? t('mentoringAdmin.concerns.acknowledgedBy', { name: c.acknowledgedBy, date: formatDateTime(c.acknowledgedAt, locale) })
                : formatDateTime(c.acknowledgedAt, locale)}
            </dd>
          </div>
        )}
        {c.closedAt && (
          <div>
            <dt>{t('mentoringAdmin.concerns.closed')}</dt>
            <dd>
              <time dateTime={c.closedAt}>{formatDateTime(c.closedAt, locale)}</time>
            </dd>
          </div>
        )}
      </dl>
      <h3 className="small-heading">{t('mentoringAdmin.concerns.note')}</h3>
      <p className="comment-text">{c.note}</p>
      {c.outcome && (
        <>
          <h3 className="small-heading">{t('mentoringAdmin.concerns.outcome')}</h3>
          <p className="comment-text">{c.outcome}</p>
        </>
      )}
      {c.status !== 'closed' &&
        (closing ? (
          <CloseForm concern={c} onCancel={() => setClosing(false)} onClosed={() => announce(t('mentoringAdmin.concerns.closedDone', { mentor: c.mentor.displayName }))} />
        ) : (
          <div className="actions">
            {c.status === 'open' && (
              <Button
                pending={acknowledge.isPending}
                aria-describedby={headingId}
                onClick={() => acknowledge.mutate(c.id, { onSuccess: () => announce(t('mentoringAdmin.concerns.acknowledgedDone', { mentor: c.mentor.displayName })) })}
              >
                {t('mentoringAdmin.concerns.acknowledge')}
              </Button>
            )}
            <Button variant="secondary" aria-describedby={headingId} onClick={() => setClosing(true)}>
              {t('mentoringAdmin.concerns.close')}
            </Button>
          </div>
        ))}
      {acknowledge.isError && <Alert live tone="error" title={errorMessage(acknowledge.error, t)} />}
    </li>
  );
}

function CloseForm({ concern: c, onCancel, onClosed }: { concern: Concern; onCancel: () => void; onClosed: () => void }) {
  const { t } = useTranslation();
  const close = useCloseConcern();
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string | undefined>();
  const id = `outcome-${c.id}`;
  useEffect(() => document.getElementById(id)?.focus(), [id]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = concernCloseBody.safeParse({ outcome });
    if (!parsed.success) {
      setError(outcome.trim() ? t('mentoringAdmin.concerns.outcomeTooLong', { max: mentoringLimits.messageMax }) : t('mentoringAdmin.concerns.outcomeRequired'));
      document.getElementById(id)?.focus();
      return;
    }
    setError(undefined);
    close.mutate(
      { id: c.id, ...parsed.data },
      {
        onSuccess: onClosed,
        onError: (err) => {
          if (err instanceof ApiError && err.fields.outcome) setError(err.fields.outcome);
        },
      },
    );
  };
  return (
    <form className="form close-form" onSubmit={submit} noValidate aria-label={t('mentoringAdmin.concerns.closeFormLabel', { mentor: c.mentor.displayName })}>
      <TextAreaField
        id={id}
        name="outcome"
        label={t('mentoringAdmin.concerns.outcomeLabel')}
        hint={t('mentoringAdmin.concerns.outcomeHint')}
        error={error}
        value={outcome}
        onChange={setOutcome}
        maxLength={mentoringLimits.messageMax}
      />
      {close.isError && <Alert live tone="error" title={errorMessage(close.error, t)} />}
      <div className="actions">
        <Button type="submit" pending={close.isPending}>
          {t('mentoringAdmin.concerns.closeSubmit')}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useMe } from '../../features/account/api.ts';
import { useRecoveryProfile } from '../../features/journey/api.ts';
import {
  act,
  type MenteeRequest,
  type Mentorship,
  useAskMentor,
  useCancelAsk,
  useMentorships,
  useMyRequest,
  useSuggestions,
  useWithdrawRequest,
} from '../../features/mentoring/api.ts';
import { baseLanguage } from '../../features/mentoring/format.ts';
import { MentoringPage } from '../../features/mentoring/MentoringPage.tsx';
import { type ShowNotice, useNotice } from '../../features/mentoring/Notice.tsx';
import { MentorshipLinks } from '../../features/mentoring/MentorshipLinks.tsx';
import { RequestForm, type RequestDefaults } from '../../features/mentoring/RequestForm.tsx';
import { isOpen, statusSentence } from '../../features/mentoring/status.ts';
import { SuggestionCard } from '../../features/mentoring/SuggestionCard.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/messages.ts';
import { browserTimeZone, formatDate, formatDateTime } from '../../lib/time.ts';

/**
 * A member's way to a mentor: say what they are looking for, see who could be a good fit and why, ask one of them,
 * wait for the answer, and then find the relationship here. Past relationships stay listed below.
 */
export function MentoringIndexPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const member = Boolean(me?.roles.includes('member'));
  const request = useMyRequest(member);
  const mentorships = useMentorships(member);
  // After an action the content below changes: the person's place moves to the message saying what happened.
  const [notice, setNotice] = useNotice();

  if (me && !member) return <Navigate to={me.roles.includes('peer_supporter') ? '/mentoring/caseload' : '/'} replace />;

  const asMentee = (mentorships.data ?? []).filter((m) => m.myRole === 'mentee');
  const open = asMentee.find(isOpen);
  const past = asMentee.filter((m) => !isOpen(m));
  const r = request.data;
  const error = request.error ?? mentorships.error;
  return (
    <MentoringPage title={t(open && open.status !== 'requested' ? 'mentoring.find.titleMatched' : 'mentoring.find.title')} lead={<p>{t('mentoring.find.lead')}</p>}>
      {notice}
      {(request.isPending || mentorships.isPending) && !error && <Loading />}
      {error && <Alert tone="error" title={errorMessage(error, t)} />}
      {request.isSuccess && mentorships.isSuccess && (
        <>
          {open?.status === 'requested' ? (
            <Pending mentorship={open} onDone={setNotice} />
          ) : open ? (
            <Current mentorship={open} />
          ) : r && (r.status === 'waiting' || r.status === 'pending') ? (
            <Waiting request={r} onDone={setNotice} />
          ) : (
            <Start previous={r ?? null} onDone={setNotice} />
          )}
          {past.length > 0 && (
            <section aria-labelledby="mentoring-past">
              <h2 id="mentoring-past">{t('mentoring.find.pastTitle')}</h2>
              <MentorshipLinks mentorships={past} />
            </section>
          )}
        </>
      )}
    </MentoringPage>
  );
}

type OnDone = ShowNotice;

/** No request yet (or a finished one): why a mentor can help, and the form. */
function Start({ previous, onDone }: { previous: MenteeRequest | null; onDone: OnDone }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const profile = useRecoveryProfile();
  const points = t('mentoring.find.points', { returnObjects: true }) as string[];
  if (profile.isPending) return <Loading />;
  const p = profile.data;
  const defaults: RequestDefaults = {
    pathways: p?.pathways ?? [],
    languages: [...new Set((p?.languages.length ? p.languages : [me?.locale ?? currentLocale()]).map(baseLanguage))],
    stage: p?.stage ?? null,
    timeZone: me?.timeZone ?? browserTimeZone(),
  };
  // A request whose relationship is over goes back to the pool when saved again, starting from the same answers.
  const reuse = previous && previous.status !== 'withdrawn' ? previous : null;
  return (
    <>
      <section className="card card--quiet" aria-labelledby="mentoring-what">
        <h2 id="mentoring-what">{t('mentoring.find.whatTitle')}</h2>
        <ul className="points">
          {points.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="mentoring-form">
        <h2 id="mentoring-form">{t('mentoring.request.formTitle')}</h2>
        <p>{t(reuse ? 'mentoring.request.reused' : p?.pathways.length || p?.languages.length ? 'mentoring.request.prefilled' : 'mentoring.request.formLead')}</p>
        <RequestForm
          request={reuse}
          startsSearch
          defaults={defaults}
          onSaved={() => onDone({ tone: 'success', title: t('mentoring.request.saved') })}
        />
      </section>
    </>
  );
}

/** On the list: the suggestions, with a way to change what they look for or to stop looking. */
function Waiting({ request, onDone }: { request: MenteeRequest; onDone: OnDone }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const suggestions = useSuggestions(request.status === 'waiting');
  const ask = useAskMentor();
  const [asking, setAsking] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const me = useMe().data;
  return (
    <>
      <section className="card" aria-labelledby="mentoring-waiting">
        <h2 id="mentoring-waiting">{t('mentoring.waiting.title')}</h2>
        <p>{t('mentoring.waiting.since', { date: formatDate(request.waitingSince, locale) })}</p>
        <p className="muted">{t('mentoring.waiting.coordinators')}</p>
      </section>
      <section aria-labelledby="mentoring-suggestions">
        <h2 id="mentoring-suggestions">{t('mentoring.suggestions.title')}</h2>
        {suggestions.isPending && <Loading />}
        {suggestions.isError && <Alert tone="error" title={errorMessage(suggestions.error, t)} />}
        {ask.isError && (
          <Alert live tone="warning" title={isApiError(ask.error, 'not_found') ? t('mentoring.suggestions.gone') : errorMessage(ask.error, t)} />
        )}
        {suggestions.data &&
          (suggestions.data.length === 0 ? (
            <p>{t('mentoring.suggestions.none')}</p>
          ) : (
            <>
              <p>{t('mentoring.suggestions.lead')}</p>
              <ul className="card-list card-list--single">
                {suggestions.data.map((s) => (
                  <SuggestionCard
                    key={s.mentor.userId}
                    suggestion={s}
                    asking={asking === s.mentor.userId && ask.isPending}
                    disabled={ask.isPending}
                    onAsk={() => {
                      setAsking(s.mentor.userId);
                      act(ask, s.mentor.userId, () => onDone({ tone: 'success', title: t('mentoring.suggestions.asked', { name: s.mentor.displayName }) }));
                    }}
                  />
                ))}
              </ul>
            </>
          ))}
      </section>
      <section aria-labelledby="mentoring-preferences">
        <h2 id="mentoring-preferences">{t('mentoring.request.editTitle')}</h2>
        {editing ? (
          <RequestForm
            request={request}
            startsSearch={false}
            defaults={{ pathways: [], languages: [], stage: null, timeZone: me?.timeZone ?? browserTimeZone() }}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              onDone({ tone: 'success', title: t('mentoring.request.updated') });
            }}
          />
        ) : (
          <>
            <p>{t('mentoring.request.editLead')}</p>
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('mentoring.request.edit')}
            </Button>
          </>
        )}
      </section>
      <Withdraw onDone={onDone} />
    </>
  );
}

/** Stop looking for a mentor altogether, asked once. */
function Withdraw({ onDone }: { onDone: OnDone }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawRequest();
  const [confirming, setConfirming] = useState(false);
  return (
    <section aria-labelledby="mentoring-withdraw">
      <h2 id="mentoring-withdraw">{t('mentoring.withdraw.title')}</h2>
      <p>{t('mentoring.withdraw.lead')}</p>
      {withdraw.isError && <Alert live tone="error" title={errorMessage(withdraw.error, t)} />}
      {confirming ? (
        <ConfirmDelete
          question={t('mentoring.withdraw.question')}
          yes={t('mentoring.withdraw.yes')}
          no={t('mentoring.withdraw.no')}
          pending={withdraw.isPending}
          onConfirm={() => act(withdraw, undefined, () => onDone({ tone: 'info', title: t('mentoring.withdraw.done') }))}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <Button variant="quiet" onClick={() => setConfirming(true)}>
          {t('mentoring.withdraw.button')}
        </Button>
      )}
    </section>
  );
}

/** A mentor has been asked (by the member, or introduced by a coordinator) and has not answered yet. */
function Pending({ mentorship, onDone }: { mentorship: Mentorship; onDone: OnDone }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const cancel = useCancelAsk();
  const name = mentorship.mentor.displayName;
  return (
    <>
      <section className="card" aria-labelledby="mentoring-pending">
        <h2 id="mentoring-pending">{t('mentoring.pending.title', { name })}</h2>
        <p>{t(mentorship.origin === 'coordinator' ? 'mentoring.pending.introduced' : 'mentoring.pending.asked', { name, date: formatDateTime(mentorship.requestedAt, locale) })}</p>
        {mentorship.expiresAt && <p>{t('mentoring.pending.expires', { name, date: formatDateTime(mentorship.expiresAt, locale) })}</p>}
        <p className="muted">{t('mentoring.pending.meanwhile')}</p>
        <p>
          <Link to={`/mentorships/${mentorship.id}`}>{t('mentoring.pending.details')}</Link>
        </p>
        {cancel.isError && <Alert live tone="error" title={errorMessage(cancel.error, t)} />}
        <div className="actions">
          <Button variant="secondary" pending={cancel.isPending} onClick={() => act(cancel, mentorship.id, () => onDone({ tone: 'info', title: t('mentoring.pending.cancelled', { name }) }))}>
            {t('mentoring.pending.cancel')}
          </Button>
        </div>
      </section>
      <Withdraw onDone={onDone} />
    </>
  );
}

/** In a relationship: where it stands, and the way to it. */
function Current({ mentorship }: { mentorship: Mentorship }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <section className="card card--quiet" aria-labelledby="mentoring-current">
      <h2 id="mentoring-current">{t('mentoring.current.title', { name: mentorship.mentor.displayName })}</h2>
      <p>{statusSentence(mentorship, t, locale)}</p>
      <Link to={`/mentorships/${mentorship.id}`} className="button button--primary">
        {t('mentoring.current.open')}
      </Link>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Me } from '../../../../contracts/accounts.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { Page } from '../../../components/Page.tsx';
import { type MemberModeration, usePersonModeration, useUnban, useUnsuspend } from '../../../features/community/moderation-api.ts';
import { History } from '../../../features/community/moderation/History.tsx';
import { type PersonAction, PersonActionForm } from '../../../features/community/moderation/PersonActionForm.tsx';
import { Done } from '../../../features/community/moderation/QueueActions.tsx';
import { RequireModerator } from '../../../features/community/moderation/RequireModerator.tsx';
import { TrustForm } from '../../../features/community/moderation/TrustForm.tsx';
import { useModWords } from '../../../features/community/moderation/words.ts';
import '../../../features/community/moderation/moderation.css';
import { isApiError } from '../../../lib/api.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { NotFoundPage } from '../../not-found.tsx';

/** One person's standing in the forum and what moderators have done, with the actions that change it. */
export function ModerationPersonPage() {
  return <RequireModerator>{(me) => <Person me={me} />}</RequireModerator>;
}

function Person({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = usePersonModeration(id);
  if (person.isPending) return <Loading />;
  if (!person.data) {
    return isApiError(person.error) && person.error.status >= 500 ? <Alert tone="error" title={errorMessage(person.error, t)} /> : <NotFoundPage />;
  }
  const p = person.data;
  return (
    <Page title={t('communityMod.person.title', { name: p.displayName })} lead={<p>{t('communityMod.person.lead')}</p>} wide>
      <p>
        <Link to="/community/moderation">{t('communityMod.person.backToQueue')}</Link>
      </p>
      <Standing person={p} />
      {p.userId === me.id ? <Alert tone="info" title={t('communityMod.person.isYou')} /> : <Actions person={p} />}
      <History actions={p.actions} />
    </Page>
  );
}

function Standing({ person: p }: { person: MemberModeration }) {
  const { t } = useTranslation();
  const w = useModWords();
  const s = p.standing;
  const suspended = s.suspendedUntil !== null && Date.parse(s.suspendedUntil) > Date.now();
  return (
    <section className="card" aria-labelledby="person-standing">
      <h2 id="person-standing">{t('communityMod.person.standing')}</h2>
      <dl className="mod-facts">
        <div>
          <dt>{t('communityMod.person.trust')}</dt>
          <dd>
            {w.trust(s.trustLevel)} · {t(s.trustLocked ? 'communityMod.person.trustLocked' : 'communityMod.person.trustAutomatic')}
          </dd>
        </div>
        <div>
          <dt>{t('communityMod.person.postsToday')}</dt>
          <dd>{t('communityMod.person.postsTodayValue', { count: s.postsToday, max: s.limits.postsPerDay })}</dd>
        </div>
        <div>
          <dt>{t('communityMod.person.limits')}</dt>
          <dd>{t('communityMod.person.limitsValue', { links: s.limits.linksPerPost, images: s.limits.imagesPerPost, mentions: s.limits.mentionsPerPost })}</dd>
        </div>
        {!s.trustLocked && s.nextLevel && (
          <div>
            <dt>{t('communityMod.person.nextLevel', { level: s.nextLevel.level })}</dt>
            <dd>
              {t('communityMod.person.nextLevelValue', {
                read: s.nextLevel.topicsRead,
                readNeeded: s.nextLevel.topicsReadNeeded,
                posts: s.nextLevel.posts,
                postsNeeded: s.nextLevel.postsNeeded,
                days: s.nextLevel.daysNeeded,
              })}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('communityMod.person.guidelines')}</dt>
          <dd>{t(s.guidelinesAccepted ? 'communityMod.person.guidelinesYes' : 'communityMod.person.guidelinesNo')}</dd>
        </div>
        <div>
          <dt>{t('communityMod.person.suspension')}</dt>
          <dd>{suspended ? t('communityMod.person.suspendedUntil', { date: w.when(s.suspendedUntil!) }) : t('communityMod.person.notSuspended')}</dd>
        </div>
        <div>
          <dt>{t('communityMod.person.ban')}</dt>
          <dd>{t(s.banned ? 'communityMod.person.banned' : 'communityMod.person.notBanned')}</dd>
        </div>
        {s.isModerator && (
          <div>
            <dt>{t('communityMod.person.role')}</dt>
            <dd>{t('communityMod.person.isModerator')}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function Actions({ person: p }: { person: MemberModeration }) {
  const { t } = useTranslation();
  const unsuspend = useUnsuspend();
  const unban = useUnban();
  const [opened, setOpened] = useState<PersonAction | null>(null);
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const finished = (text: string) => {
    setOpened(null);
    setDone((d) => ({ text, n: (d?.n ?? 0) + 1 }));
  };
  const suspended = p.standing.suspendedUntil !== null && Date.parse(p.standing.suspendedUntil) > Date.now();
  const name = p.displayName;
  const opener = (what: PersonAction, label: string) => (
    <Button
      id={`person-open-${what}`}
      variant={what === 'warn' ? 'secondary' : 'quiet'}
      aria-expanded={opened === what}
      onClick={() => {
        setDone(null);
        setOpened(opened === what ? null : what);
      }}
    >
      {label}
    </Button>
  );
  const undo = unsuspend.error ?? unban.error;
  return (
    <section className="card" aria-labelledby="person-actions">
      <h2 id="person-actions">{t('communityMod.person.actionsTitle')}</h2>
      <p>{t('communityMod.person.actionsLead')}</p>
      <div className="actions">
        {opener('warn', t('communityMod.queue.warn'))}
        {suspended ? (
          <Button variant="secondary" pending={unsuspend.isPending} onClick={() => unsuspend.mutate(p.userId, { onSuccess: () => finished(t('communityMod.person.done.unsuspend', { name })) })}>
            {t('communityMod.person.unsuspend')}
          </Button>
        ) : (
          opener('suspend', t('communityMod.queue.suspend'))
        )}
        {p.standing.banned ? (
          <Button variant="secondary" pending={unban.isPending} onClick={() => unban.mutate(p.userId, { onSuccess: () => finished(t('communityMod.person.done.unban', { name })) })}>
            {t('communityMod.person.unban')}
          </Button>
        ) : (
          opener('ban', t('communityMod.queue.ban'))
        )}
      </div>
      {undo && <Alert live tone="error" title={errorMessage(undo, t)} />}
      {opened && (
        <PersonActionForm
          action={opened}
          userId={p.userId}
          name={name}
          idPrefix="person"
          onDone={finished}
          onCancel={() => {
            const was = opened;
            setOpened(null);
            requestAnimationFrame(() => document.getElementById(`person-open-${was}`)?.focus());
          }}
        />
      )}
      <div role="status">{done && <Done key={done.n} text={done.text} />}</div>
      <TrustForm person={p} />
    </section>
  );
}

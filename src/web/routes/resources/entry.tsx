import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../../features/account/api.ts';
import { useResource } from '../../features/resources/api.ts';
import { ContactLinks } from '../../features/resources/ContactLinks.tsx';
import { CoordinatorActions } from '../../features/resources/CoordinatorActions.tsx';
import { EntryDetails, EntryHours } from '../../features/resources/EntryDetails.tsx';
import { ResourceFacts } from '../../features/resources/ResourceCard.tsx';
import { isReviewer } from '../../features/resources/roles.ts';
import { SendToMentee } from '../../features/resources/SendToMentee.tsx';
import { TipForm } from '../../features/resources/TipForm.tsx';
import { TipList } from '../../features/resources/TipList.tsx';
import '../../features/resources/resources.css';
import { errorMessage } from '../../lib/messages.ts';
import { NotFoundPage } from '../not-found.tsx';

/**
 * One directory entry: how to reach it, its hours and facts, peers' tips and reviews (never with a name), a form
 * to add one, and the coordinator's actions. Public entries need no account.
 */
export function ResourcePage() {
  const id = useParams().id ?? '';
  // Another entry is another page: nothing typed for one carries over to the next.
  return <Entry key={id} id={id} />;
}

function Entry({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const entry = useResource(id);
  if (entry.isPending) {
    return (
      <Page title={t('resources.entry.loading')}>
        <Loading />
      </Page>
    );
  }
  if (entry.isError) {
    return (
      <Page title={t('resources.title')}>
        <Alert tone="error" title={errorMessage(entry.error, t)} />
      </Page>
    );
  }
  const r = entry.data;
  if (!r) return <EntryNotFound />;
  return (
    <Page title={r.name} lead={<ResourceFacts resource={r} />}>
      <p>
        <Link to="/resources">{t('resources.entry.back')}</Link>
      </p>
      {r.description && <p className="resource-description">{r.description}</p>}
      <ContactLinks resource={r} />
      {r.can.edit && <CoordinatorActions resource={r} />}
      <section className="resource-section" aria-labelledby="resource-details">
        <h2 id="resource-details">{t('resources.entry.details')}</h2>
        <EntryDetails resource={r} timeZone={me?.timeZone} />
      </section>
      <section className="resource-section" aria-labelledby="resource-hours">
        <h2 id="resource-hours">{t('resources.hours.title')}</h2>
        <EntryHours resource={r} />
      </section>
      {/* It has its own heading, and shows nothing to a mentor with no active mentee. */}
      {r.can.sendToMentee && <SendToMentee kind="resource" id={r.id} />}
      <section className="resource-section" aria-labelledby="resource-tips">
        <h2 id="resource-tips">{t('resources.tips.title')}</h2>
        <p className="muted">{t('resources.tips.lead')}</p>
        <TipList tips={r.tips} timeZone={me?.timeZone} reviewer={Boolean(me && isReviewer(me))} />
      </section>
      <section className="resource-section" aria-labelledby="resource-add-tip">
        <h2 id="resource-add-tip">{t('resources.tipForm.title')}</h2>
        {r.can.addTip ? (
          <TipForm resourceId={r.id} />
        ) : me ? (
          <p className="muted">{t('resources.tipForm.cannot')}</p>
        ) : (
          <SignInToAdd />
        )}
      </section>
    </Page>
  );
}

function SignInToAdd() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <p>
      <Link to={`/sign-in?next=${encodeURIComponent(pathname)}`}>{t('resources.tipForm.signIn')}</Link>
    </p>
  );
}

/**
 * Not there for this reader. The server never says whether it exists; someone signed out is told that some entries
 * are for members, with a way to sign in and come back.
 */
function EntryNotFound() {
  const { t } = useTranslation();
  const me = useMe().data;
  const { pathname } = useLocation();
  if (me !== null) return <NotFoundPage />;
  return (
    <Page title={t('notFound.title')} lead={<p>{t('resources.notFound.signedOut')}</p>}>
      <div className="actions">
        <Link to={`/sign-in?next=${encodeURIComponent(pathname)}`} className="button button--primary">
          {t('resources.notFound.signIn')}
        </Link>
        <Link to="/resources" className="button button--secondary">
          {t('resources.notFound.back')}
        </Link>
      </div>
    </Page>
  );
}

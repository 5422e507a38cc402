import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../contracts/accounts.ts';
import { ROLES } from '../../contracts/common.ts';
import { Page } from '../components/Page.tsx';
import { useMe } from '../features/account/api.ts';
import { useInstance } from '../features/instance/api.ts';
import { JourneyHome } from '../features/journey/JourneyHome.tsx';

export function HomePage() {
  const me = useMe().data;
  return me ? <MemberHome me={me} /> : <Welcome />;
}

function Welcome() {
  const { t } = useTranslation();
  const instance = useInstance().data;
  const name = instance?.name ?? 'Kindred';
  const points = t('welcome.points', { returnObjects: true }) as string[];
  return (
    <Page title={t('welcome.title', { name })} lead={<p>{t('welcome.lead')}</p>}>
      <div className="actions">
        <Link to="/sign-up" className="button button--primary">
          {t('welcome.join')}
        </Link>
        <Link to="/sign-in" className="button button--secondary">
          {t('nav.signIn')}
        </Link>
      </div>
      {instance?.registrationMode === 'invite' && <p className="muted">{t('welcome.inviteOnly')}</p>}
      <section className="card" aria-labelledby="welcome-what">
        <h2 id="welcome-what">{t('welcome.whatTitle')}</h2>
        <ul className="points">
          {points.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="welcome-privacy">
        <h2 id="welcome-privacy">{t('welcome.privacyTitle')}</h2>
        <p>{t('welcome.privacy')}</p>
      </section>
    </Page>
  );
}

function MemberHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Page title={t('home.title', { name: me.displayName })} lead={<p>{t('home.lead')}</p>}>
      {me.roles.includes('member') && <JourneyHome me={me} />}
      {ROLES.filter((role) => role !== 'member' && me.roles.includes(role)).map((role) => (
        <section key={role} className="card" aria-labelledby={`home-${role}`}>
          <h2 id={`home-${role}`}>{t(`home.${role}.title`)}</h2>
          <p>{t(`home.${role}.body`)}</p>
          {role === 'moderator' && (
            <p>
              <Link to="/community/moderation" className="button button--secondary">
                {t('home.moderator.action')}
              </Link>
            </p>
          )}
          {role === 'coordinator' && (
            <p>
              <Link to="/admin" className="button button--secondary">
                {t('home.coordinator.action')}
              </Link>
            </p>
          )}
        </section>
      ))}
      <section className="card card--quiet" aria-labelledby="home-today">
        <h2 id="home-today">{t('home.today.title')}</h2>
        <p>{t('home.today.body')}</p>
      </section>
    </Page>
  );
}

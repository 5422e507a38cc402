import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { JOURNEY_PAGES } from '../../features/journey/JourneyPage.tsx';
import { Page } from '../../components/Page.tsx';

/** "My journey": every part of the member's own space, one tap away. */
export function JourneyIndexPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('journey.title')} lead={<p>{t('journey.lead')}</p>}>
      <ul className="link-cards">
        {JOURNEY_PAGES.map((name) => (
          <li key={name}>
            <Link to={`/journey/${name}`} className="link-card">
              <span className="link-card-title">{t(`journey.pages.${name}.title`)}</span>
              <span className="link-card-text">{t(`journey.pages.${name}.about`)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/attendance">{t('meetings.mine.title')}</Link>
      </p>
    </Page>
  );
}

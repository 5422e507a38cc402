import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../i18n/setup.ts';
import type { ResourceSummary } from './api.ts';
import { ContactLinks } from './ContactLinks.tsx';
import { formatKm, languageName } from './format.ts';

/** "Open now" / "Closed now" when the hours are known; nothing when they are not. */
export function OpenNow({ openNow }: { openNow: boolean | null }) {
  const { t } = useTranslation();
  if (openNow === null) return null;
  return <span className={`badge ${openNow ? 'badge--open' : 'badge--closed'}`}>{t(openNow ? 'resources.card.openNow' : 'resources.card.closedNow')}</span>;
}

/** What kind of service, how it is offered and to whom, as short facts under the name. */
export function ResourceFacts({ resource }: { resource: ResourceSummary }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const how = [resource.inPerson && t('resources.card.inPerson'), resource.online && t('resources.card.online')].filter(Boolean).join(' · ');
  return (
    <>
      <p className="resource-marks">
        <span className="badge">{t(`resources.categories.${resource.category}`)}</span>
        <OpenNow openNow={resource.openNow} />
        {resource.audience === 'members' && <span className="badge badge--members">{t('resources.card.membersOnly')}</span>}
      </p>
      <p className="resource-how muted">
        {resource.distanceKm !== null && <span>{t('resources.card.distance', { km: formatKm(resource.distanceKm, locale) })}</span>}
        {how && <span>{how}</span>}
        {resource.languages.length > 0 && <span>{resource.languages.map((l) => languageName(l, locale)).join(', ')}</span>}
        {resource.costs.length > 0 && <span>{resource.costs.map((c) => t(`resources.costs.${c}`)).join(', ')}</span>}
      </p>
    </>
  );
}

/** One entry in a list: its name (the link to it), what it is, and the ways to reach it at once. */
export function ResourceCard({ resource, headingLevel = 3, children }: { resource: ResourceSummary; headingLevel?: 2 | 3; children?: ReactNode }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="card resource-card">
      <Heading className="card-title">
        <Link to={`/resources/${resource.id}`}>{resource.name}</Link>
      </Heading>
      <ResourceFacts resource={resource} />
      {resource.description && <p className="resource-description">{resource.description}</p>}
      {resource.address && <p className="resource-address">{resource.address}</p>}
      <ContactLinks resource={resource} />
      {children}
    </li>
  );
}

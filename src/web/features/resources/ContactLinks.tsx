import { useTranslation } from 'react-i18next';
import type { ResourceSummary } from './api.ts';
import { smsHref, websiteLabel } from './format.ts';

/**
 * The ways to reach a service, as large tappable links: call (tel:), text (sms: with the keyword filled in), and the
 * website. Each says what it does and to whom, so a screen reader's list of links makes sense on its own.
 */
export function ContactLinks({ resource }: { resource: Pick<ResourceSummary, 'name' | 'phone' | 'textLine' | 'website'> }) {
  const { t } = useTranslation();
  const { name, phone, textLine, website } = resource;
  if (!phone && !textLine && !website) return null;
  return (
    <ul className="resource-contacts">
      {phone && (
        <li>
          <a className="button button--primary resource-contact" href={`tel:${phone.tel}`} aria-label={t('resources.contact.callLabel', { number: phone.display, name })}>
            {t('resources.contact.call', { number: phone.display })}
          </a>
        </li>
      )}
      {textLine && (
        <li>
          <a className="button button--secondary resource-contact" href={smsHref(textLine)} aria-label={textLine.keyword ? t('resources.contact.textKeywordLabel', { keyword: textLine.keyword, number: textLine.number, name }) : t('resources.contact.textLabel', { number: textLine.number, name })}>
            {textLine.keyword ? t('resources.contact.textKeyword', { keyword: textLine.keyword, number: textLine.number }) : t('resources.contact.text', { number: textLine.number })}
          </a>
        </li>
      )}
      {website && (
        <li>
          <a className="resource-website" href={website} target="_blank" rel="noreferrer">
            {websiteLabel(website)}
            <span className="visually-hidden"> ({t('resources.contact.websiteOf', { name })}, {t('common.newTab')})</span>
          </a>
        </li>
      )}
    </ul>
  );
}

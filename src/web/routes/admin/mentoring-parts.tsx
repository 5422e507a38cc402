import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { CONTACT_MODES, Reason } from '../../../contracts/mentoring.ts';
import { currentLocale } from '../../i18n/setup.ts';
import '../../styles/mentoring-admin.css';
import { AdminPage } from './layout.tsx';

type ContactMode = (typeof CONTACT_MODES)[number];

/** The pages of the mentoring program, under the coordination navigation. */
const PAGES = [
  { to: '/admin/mentoring', key: 'program', end: true },
  { to: '/admin/mentoring/mentors', key: 'mentors', end: false },
  { to: '/admin/mentoring/concerns', key: 'concerns', end: false },
  { to: '/admin/mentoring/feedback', key: 'feedback', end: false },
  { to: '/admin/mentoring/settings', key: 'settings', end: false },
] as const;

export function MentoringAdminPage({ title, lead, children }: { title: string; lead?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <AdminPage title={title} lead={lead}>
      <nav className="sub-nav sub-nav--scroll mentoring-admin-nav" aria-label={t('mentoringAdmin.nav.label')}>
        <ul>
          {PAGES.map((p) => (
            <li key={p.to}>
              <NavLink to={p.to} end={p.end}>
                {t(`mentoringAdmin.nav.${p.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </AdminPage>
  );
}

/**
 * A wide table that scrolls sideways on a phone. The region is named by the table's caption and can take focus,
 * so a keyboard user can scroll it too.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

/** Words shared by the mentoring pages: names of languages, pathways and ways to meet, waits, scores and reasons. */
export function useMentoringWords() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = (items: string[]) => {
    try {
      return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
    } catch {
      return items.join(', ');
    }
  };
  const language = (code: string) => {
    try {
      return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  const languages = (codes: string[]) => (codes.length ? list(codes.map(language)) : t('mentoringAdmin.none'));
  const pathways = (keys: string[]) => (keys.length ? list(keys.map((p) => t(`journey.pathways.${p}`))) : t('mentoringAdmin.anyPathway'));
  const modes = (keys: ContactMode[]) => list(keys.map((m) => t(`mentoringAdmin.modes.${m}`)));
  const percent = (score: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(score);
  const number = (n: number, digits = 1) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);

  /** How long someone has waited, in the largest whole unit that fits: "3 days", "5 hours", "less than an hour". */
  const waited = (since: string, now = Date.now()) => {
    const hours = Math.max(0, (now - Date.parse(since)) / 3_600_000);
    if (hours < 1) return t('mentoringAdmin.wait.lessThanHour');
    if (hours < 24) return t('mentoringAdmin.wait.hours', { count: Math.floor(hours) });
    return t('mentoringAdmin.wait.days', { count: Math.floor(hours / 24) });
  };

  /** One reason as a person reads it ("Both speak Spanish"); the server lists only the parts that count. */
  const reason = (r: Reason): string => {
    switch (r.part) {
      case 'pathway':
        // Short names read better in a sentence ("Both 12-step") than the journey's full ones.
        return r.pathways?.length
          ? t('mentoringAdmin.reasons.pathway', { pathways: list(r.pathways.map((p) => t(`mentoringAdmin.shortPathways.${p}`))) })
          : t('mentoringAdmin.reasons.pathwayAny');
      case 'language':
        return t('mentoringAdmin.reasons.language', { languages: languages(r.languages ?? []) });
      case 'availability':
        return r.hoursPerWeek ? t('mentoringAdmin.reasons.availability', { hours: number(r.hoursPerWeek) }) : t('mentoringAdmin.reasons.availabilityUnknown');
      case 'contact':
        return r.contactModes?.length ? t('mentoringAdmin.reasons.contact', { modes: modes(r.contactModes) }) : t('mentoringAdmin.reasons.contactAny');
      case 'capacity':
        return t('mentoringAdmin.reasons.capacity', { free: r.free ?? 0, count: r.capacity ?? 0 });
    }
  };
  const reasons = (rs: Reason[]) => rs.map(reason).join(' · ');

  return { locale, list, language, languages, pathways, modes, percent, number, waited, reason, reasons };
}

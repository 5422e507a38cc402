import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../contracts/common.ts';
import en from './en.json';
import es from './es.json';
import communityEn from './community-en.json';
import communityEs from './community-es.json';
import communityModEn from './community-mod-en.json';
import communityModEs from './community-mod-es.json';
import mentoringAdminEn from './mentoring-admin-en.json';
import mentoringAdminEs from './mentoring-admin-es.json';
import mentoringEn from './mentoring-en.json';
import mentoringEs from './mentoring-es.json';
import copingEn from './coping-en.json';
import copingEs from './coping-es.json';
import resourcesEn from './resources-en.json';
import resourcesEs from './resources-es.json';
import messagingEn from './messaging-en.json';
import messagingEs from './messaging-es.json';

/** Where a signed-out person's language choice is remembered on this device. */
export const LOCALE_STORAGE_KEY = 'kindred.locale';

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    // Larger features keep their words in their own files, under one top-level key each.
    resources: {
      en: { translation: { ...en, mentoring: mentoringEn, mentoringAdmin: mentoringAdminEn, community: communityEn, communityMod: communityModEn, resources: resourcesEn, coping: copingEn, messaging: messagingEn } },
      es: { translation: { ...es, mentoring: mentoringEs, mentoringAdmin: mentoringAdminEs, community: communityEs, communityMod: communityModEs, resources: resourcesEs, coping: copingEs, messaging: messagingEs } },
    },
    supportedLngs: [...LOCALES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    // The language last used on this device first, then the browser's. Stored only by features/account/use-language.ts.
    detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: LOCALE_STORAGE_KEY, caches: [] },
    interpolation: { escapeValue: false },
    returnNull: false,
  });

function reflectOnDocument() {
  document.documentElement.lang = currentLocale();
}
reflectOnDocument();
i18n.on('languageChanged', reflectOnDocument);

export default i18n;

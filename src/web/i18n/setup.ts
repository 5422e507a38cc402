import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../contracts/common.ts';
import en from './en.json';
import es from './es.json';

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
    resources: { en: { translation: en }, es: { translation: es } },
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

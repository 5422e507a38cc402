import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../contracts/common.ts';
import { currentLocale, LOCALE_STORAGE_KEY } from '../../i18n/setup.ts';
import { useMe, useUpdateMe } from './api.ts';

/** Remembers the language on this device, so the page keeps it after signing out and reloading. */
function rememberOnDevice(locale: Locale) {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private browsing can refuse storage; the choice still holds for this visit.
  }
}

/** A signed-in person's saved language wins whenever it is (re)loaded, e.g. at start and after signing in. */
export function useSavedLanguage() {
  const { i18n } = useTranslation();
  const saved = useMe().data?.locale;
  useEffect(() => {
    if (!saved) return;
    rememberOnDevice(saved);
    if (saved !== currentLocale()) void i18n.changeLanguage(saved);
  }, [saved, i18n]);
}

/** Switches the language now and remembers it on this device; when signed in, also saves it to the account. */
export function useLanguage() {
  const { i18n } = useTranslation();
  const me = useMe().data;
  const updateMe = useUpdateMe();
  const choose = (locale: Locale) => {
    void i18n.changeLanguage(locale);
    rememberOnDevice(locale);
    if (me && me.locale !== locale) updateMe.mutate({ locale });
  };
  return { locale: currentLocale(), choose, saving: updateMe.isPending };
}

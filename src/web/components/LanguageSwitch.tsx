import { useTranslation } from 'react-i18next';
import type { Locale } from '../../contracts/common.ts';
import { useLanguage } from '../features/account/use-language.ts';

const NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };

/** Both languages, each named in itself, so a person who cannot read the current one still finds theirs. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale, choose } = useLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {(Object.keys(NAMES) as Locale[]).map((l) => (
        <button key={l} type="button" lang={l} className="language-option" aria-pressed={l === locale} onClick={() => l !== locale && choose(l)}>
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}

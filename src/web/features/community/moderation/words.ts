import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../i18n/setup.ts';
import { formatDateTime } from '../../../lib/time.ts';

/** The automatic rules Kindred knows by name; any other key is one of the coordinators' own patterns. */
export const BUILT_IN_RULES = ['sourcing', 'phone_number', 'payment_handle', 'link_spam', 'zero_width', 'new_member'] as const;

/** Words the moderation pages share: dates, trust levels, rules, report reasons and actions in plain words. */
export function useModWords() {
  const { t } = useTranslation();
  const locale = currentLocale();
  return {
    locale,
    when: (iso: string) => formatDateTime(iso, locale),
    trust: (level: number) => t('communityMod.trust.level', { level, name: t(`communityMod.trust.names.${level}`) }),
    /** The same with "Trust" in front, where nothing else says what the level is. */
    trustFull: (level: number) => t('communityMod.trust.full', { level, name: t(`communityMod.trust.names.${level}`) }),
    rule: (key: string) => ((BUILT_IN_RULES as readonly string[]).includes(key) ? t(`communityMod.ruleHits.${key}`) : t('communityMod.ruleHits.custom', { key })),
    reportReason: (reason: string) => t(`communityMod.reportReasons.${reason}`, { defaultValue: reason }),
    action: (action: string) => t(`communityMod.actions.${action}`, { defaultValue: action }),
    /** The queue's resolution is the action that closed the item; anything else is shown as the server wrote it. */
    resolution: (resolution: string) => t(`communityMod.resolutions.${resolution}`, { defaultValue: resolution }),
  };
}

/** Sentences a moderator can start from, each naming what happened and why in plain words (see the i18n files). */
export const HIDE_SUGGESTIONS = ['sourcing', 'medical', 'dating', 'privacy', 'offPlatform', 'unkind', 'stigma', 'spam'] as const;
export const WARN_SUGGESTIONS = ['sourcing', 'unkind', 'dating', 'offPlatform', 'privacy'] as const;
export const SUSPEND_SUGGESTIONS = ['repeated', 'sourcing', 'unkind'] as const;
export const BAN_SUGGESTIONS = ['selling', 'threats', 'spam'] as const;

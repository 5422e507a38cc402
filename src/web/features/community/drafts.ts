import { useEffect, useRef } from 'react';

/**
 * Unsent words kept on this device (localStorage), one draft per topic and per new-topic category, so a closed tab
 * or a lost connection never costs someone what they were writing. A draft holds only what the person typed and
 * which account typed it: another person signing in on the same device never gets it back.
 */
export interface Draft {
  owner: string;
  title?: string;
  body: string;
  anonymous: boolean;
  locale?: string;
}

const PREFIX = 'kindred.community.draft.';
export const replyDraftKey = (topicId: string) => `${PREFIX}topic.${topicId}`;
export const topicDraftKey = (categorySlug: string) => `${PREFIX}new.${categorySlug || 'any'}`;

export function readDraft(key: string, owner: string): Draft | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Partial<Draft>;
    if (draft.owner !== owner || typeof draft.body !== 'string') return null;
    return { owner, body: draft.body, anonymous: draft.anonymous === true, ...(typeof draft.title === 'string' ? { title: draft.title } : {}), ...(typeof draft.locale === 'string' ? { locale: draft.locale } : {}) };
  } catch {
    // Storage may be off (private browsing) or hold something unreadable: no draft then.
    return null;
  }
}

export function clearDraft(key: string) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to clear where storage is off.
  }
}

function writeDraft(key: string, draft: Draft) {
  try {
    if (!draft.body.trim() && !draft.title?.trim()) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // A full or disabled storage only means no draft is kept.
  }
}

/**
 * Saves the draft a moment after the person stops typing, and at once when they leave the page or the app moves on.
 * `clear` forgets it after a successful post: the words already sent are not written back on the way out.
 */
export function useDraft(key: string, draft: Draft, enabled: boolean) {
  const latest = useRef(draft);
  latest.current = draft;
  const cleared = useRef<string | null>(null);
  const serialized = JSON.stringify(draft);
  const save = () => {
    if (enabled && JSON.stringify(latest.current) !== cleared.current) writeDraft(key, latest.current);
  };
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const timer = window.setTimeout(() => saveRef.current(), 400);
    return () => window.clearTimeout(timer);
  }, [key, serialized]);
  useEffect(() => {
    const flush = () => saveRef.current();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [key]);
  return {
    clear: () => {
      cleared.current = serialized;
      clearDraft(key);
    },
  };
}

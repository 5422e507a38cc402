import type { TFunction } from 'i18next';
import type { Locale } from '../../../contracts/common.ts';
import { formatDate, formatDateTime } from '../../lib/time.ts';
import type { Mentorship } from './api.ts';

/** Statuses that hold a mentor's place and the mentee's one open relationship. */
export const OPEN = ['requested', 'accepted', 'active', 'paused'] as const;
export const isOpen = (m: Mentorship) => (OPEN as readonly string[]).includes(m.status);

/** The other person in it, from the viewer's side (a coordinator reads it as mentor and mentee). */
export const otherPerson = (m: Mentorship) => (m.myRole === 'mentor' ? m.mentee : m.mentor);

/** Whether the viewer still has to sign the version waiting for signatures. */
export function mySignatureMissing(m: Mentorship): boolean {
  if (m.myRole === 'mentor') return m.agreementState === 'waiting_for_mentor' || m.agreementState === 'waiting_for_both';
  if (m.myRole === 'mentee') return m.agreementState === 'waiting_for_mentee' || m.agreementState === 'waiting_for_both';
  return false;
}

/** Where things stand and what happens next, in plain words, for whoever is reading. */
export function statusSentence(m: Mentorship, t: TFunction, locale: Locale): string {
  const role = m.myRole ?? 'observer';
  const vars = {
    mentor: m.mentor.displayName,
    mentee: m.mentee.displayName,
    name: otherPerson(m).displayName,
    expires: m.expiresAt ? formatDateTime(m.expiresAt, locale) : '',
    started: m.startedAt ? formatDate(m.startedAt, locale) : '',
    paused: m.pausedAt ? formatDate(m.pausedAt, locale) : '',
    ended: m.endedAt ? formatDate(m.endedAt, locale) : '',
    reason: m.endReason ? t(`mentoring.endReasons.${m.endReason}`) : '',
  };
  if (m.status === 'accepted') {
    if (role === 'observer') return t('mentoring.status.next.accepted.observer', vars);
    return t(mySignatureMissing(m) ? 'mentoring.status.next.accepted.signNow' : 'mentoring.status.next.accepted.waitOther', vars);
  }
  // No thanks for the time together when it ended for safety: say where to turn instead.
  if (m.status === 'ended' && m.endReason === 'safety_concern') return t(`mentoring.status.next.endedSafety.${role}`, vars);
  if (m.status === 'ended' && !m.endReason) return t(`mentoring.status.next.endedNoReason.${role}`, vars);
  return t(`mentoring.status.next.${m.status}.${role}`, vars);
}

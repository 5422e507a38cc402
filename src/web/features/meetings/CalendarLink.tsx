import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { Loading } from '../../components/Loading.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { useCalendarLink, useSetCalendarLink } from './api.ts';

/**
 * The member's private calendar address (the meetings they RSVP to, for a calendar app to subscribe to). The link is
 * the secret: making a new one stops the old one, and turning it off stops it altogether.
 */
export function CalendarLink() {
  const { t } = useTranslation();
  const link = useCalendarLink();
  const set = useSetCalendarLink();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const [confirm, setConfirm] = useState<'renew' | 'off' | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const change = (on: boolean, message: string) =>
    set.mutate(on, {
      onSuccess: () => {
        setConfirm(null);
        setCopied(false);
        setSaid(message);
      },
    });
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard access (older browser or insecure origin): select the text so the person can copy it.
      input.current?.select();
    }
  };
  const url = link.data;
  return (
    <section className="card" aria-labelledby="calendar-link">
      <h2 id="calendar-link">{t('meetings.calendar.title')}</h2>
      <p>{t('meetings.calendar.lead')}</p>
      {link.isPending && <Loading />}
      {link.isError && <Alert tone="error" title={errorMessage(link.error, t)} />}
      <div role="status">{said && <Alert tone="success" title={said} />}</div>
      {set.isError && <Alert live tone="error" title={errorMessage(set.error, t)} />}
      {link.isSuccess &&
        (url ? (
          <>
            <label className="field-label" htmlFor="calendar-url">
              {t('meetings.calendar.url')}
            </label>
            <input id="calendar-url" ref={input} className="input" readOnly value={url} onFocus={(e) => e.target.select()} aria-describedby="calendar-private" />
            <p className="field-hint" id="calendar-private">
              {t('meetings.calendar.private')}
            </p>
            {confirm ? (
              <ConfirmDelete
                question={t(confirm === 'renew' ? 'meetings.calendar.confirmRenew' : 'meetings.calendar.confirmOff')}
                yes={t(confirm === 'renew' ? 'meetings.calendar.renewYes' : 'meetings.calendar.offYes')}
                no={t('meetings.calendar.keep')}
                pending={set.isPending}
                onConfirm={() => (confirm === 'renew' ? change(true, t('meetings.calendar.renewed')) : change(false, t('meetings.calendar.turnedOff')))}
                onCancel={() => setConfirm(null)}
              />
            ) : (
              <div className="actions">
                <Button variant="secondary" onClick={() => void copy(url)}>
                  {copied ? t('meetings.calendar.copied') : t('meetings.calendar.copy')}
                </Button>
                <Button variant="quiet" onClick={() => setConfirm('renew')}>
                  {t('meetings.calendar.renew')}
                </Button>
                <Button variant="quiet" onClick={() => setConfirm('off')}>
                  {t('meetings.calendar.off')}
                </Button>
              </div>
            )}
          </>
        ) : (
          <div className="actions">
            <Button variant="secondary" pending={set.isPending} onClick={() => change(true, t('meetings.calendar.made'))}>
              {t('meetings.calendar.make')}
            </Button>
          </div>
        ))}
    </section>
  );
}

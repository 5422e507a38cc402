import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../../features/account/api.ts';
import { type AttendanceRecord, type MeetingDetail, useCheckIn, useMeeting } from '../../features/meetings/api.ts';
import { languageName, schedulePattern, typeName } from '../../features/meetings/format.ts';
import { JoinGroup } from '../../features/meetings/JoinGroup.tsx';
import { OccurrenceBadges, OccurrenceTime } from '../../features/meetings/OccurrenceTime.tsx';
import { Upcoming } from '../../features/meetings/Upcoming.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/messages.ts';
import '../../styles/meetings.css';
import { NotFoundPage } from '../not-found.tsx';

/** Everything a person needs to go to a meeting: when, where or how to join, what kind it is, and the coming dates. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  const me = useMe().data;
  if (meeting.isPending) return <Loading />;
  if (isApiError(meeting.error, 'not_found') || isApiError(meeting.error, 'validation_failed')) return <NotFoundPage />;
  if (meeting.isError) return <Alert tone="error" title={errorMessage(meeting.error, t)} />;
  const m = meeting.data;
  return (
    <Page
      title={m.name}
      lead={
        <p>
          {t('meetings.page.ofGroup')} <Link to={`/groups/${m.group.id}`}>{m.group.name}</Link>
        </p>
      }
    >
      <CheckInPanel meeting={m} />
      {m.canManage && (
        <div className="actions">
          <Link to={`/meetings/${m.id}/edit`} className="button button--secondary">
            {t('meetings.page.edit')}
          </Link>
        </div>
      )}
      <When meeting={m} />
      <Where meeting={m} />
      <Online meeting={m} signedIn={Boolean(me)} />
      <About meeting={m} />
      <Upcoming meeting={m} signedIn={Boolean(me)} />
    </Page>
  );
}

/** Only while a check-in window is open (15 minutes before the start until the end), and the thanks afterwards. */
function CheckInPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const checkIn = useCheckIn(meeting.id);
  const [done, setDone] = useState<AttendanceRecord | null>(null);
  const thanks = useRef<HTMLDivElement>(null);
  // The button goes away once pressed: focus moves to the confirmation rather than being lost.
  useEffect(() => {
    if (done) thanks.current?.focus();
  }, [done]);
  const open = meeting.checkInOpen;
  if (!open && !done) return null;
  return (
    <section className="card check-in-panel" aria-labelledby="meeting-check-in">
      <h2 id="meeting-check-in">{t('meetings.checkIn.title')}</h2>
      <div role="status">{done && <Alert ref={thanks} tone="success" title={t('meetings.checkIn.done')} />}</div>
      {!done && open && (
        <>
          <p>
            <OccurrenceTime occurrence={open} meetingZone={meeting.timeZone} />
          </p>
          <p className="muted">{t('meetings.checkIn.why')}</p>
          <Button pending={checkIn.isPending} onClick={() => checkIn.mutate(open.date, { onSuccess: setDone })}>
            {t('meetings.checkIn.button')}
          </Button>
          {checkIn.isError && <Alert live tone="error" title={errorMessage(checkIn.error, t)} />}
        </>
      )}
    </section>
  );
}

function When({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const next = meeting.next;
  return (
    <section className="card" aria-labelledby="meeting-when">
      <h2 id="meeting-when">{t('meetings.page.when')}</h2>
      {next ? (
        <>
          <p className="meeting-next">
            <span className="meeting-next-label">{t('meetings.page.next')}</span> <OccurrenceTime occurrence={next} meetingZone={meeting.timeZone} />
          </p>
          <OccurrenceBadges status={next.status} start={next.start} end={next.end} />
          {next.topic && <p>{t('meetings.card.topic', { topic: next.topic })}</p>}
        </>
      ) : (
        <p>{t('meetings.page.noNext')}</p>
      )}
      <p>{schedulePattern(meeting, currentLocale(), t)}</p>
      <p>
        {/* A file another part of Kindred serves, not a page of this app. */}
        <a href={`/feeds/meetings/${meeting.slug}.ics`} className="button button--secondary" aria-describedby="meeting-ics-hint">
          {t('meetings.page.addToCalendar')}
        </a>
      </p>
      <p className="field-hint" id="meeting-ics-hint">
        {t('meetings.page.addToCalendarHint')}
      </p>
    </section>
  );
}

function Where({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const place = meeting.location;
  if (!place) {
    return meeting.approximateAddress ? (
      <section className="card" aria-labelledby="meeting-where">
        <h2 id="meeting-where">{t('meetings.page.where')}</h2>
        <p>{t('meetings.page.approximate', { place: meeting.approximateAddress })}</p>
      </section>
    ) : null;
  }
  const { latitude: lat, longitude: lng } = place;
  return (
    <section className="card" aria-labelledby="meeting-where">
      <h2 id="meeting-where">{t('meetings.page.where')}</h2>
      <address className="meeting-address">
        {place.name && (
          <>
            <strong>{place.name}</strong>
            <br />
          </>
        )}
        {place.formattedAddress}
      </address>
      {place.notes && <p className="prose">{place.notes}</p>}
      {/* Plain links only: no embedded map, nothing loaded from another site. */}
      <ul className="map-links">
        <li>
          <a href={`geo:${lat},${lng}`}>{t('meetings.page.openMapApp')}</a>
        </li>
        <li>
          <a href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`} target="_blank" rel="noreferrer">
            {t('meetings.page.openMapWeb')}
            <span className="visually-hidden"> ({t('common.newTab')})</span>
          </a>
        </li>
      </ul>
    </section>
  );
}

function Online({ meeting, signedIn }: { meeting: MeetingDetail; signedIn: boolean }) {
  const { t } = useTranslation();
  const c = meeting.conference;
  if (!c && !meeting.conferenceHidden) return null;
  return (
    <section className="card" aria-labelledby="meeting-online">
      <h2 id="meeting-online">{t('meetings.page.online')}</h2>
      {c ? (
        <>
          {c.url && (
            <p>
              <a href={c.url} className="button button--primary" target="_blank" rel="noreferrer">
                {t('meetings.page.joinOnline')}
                <span className="visually-hidden"> ({t('common.newTab')})</span>
              </a>
            </p>
          )}
          {c.url && <p className="break muted">{c.url}</p>}
          {c.urlNotes && <p className="prose">{c.urlNotes}</p>}
          {c.phone && (
            <p>
              {t('meetings.page.phone')} <a href={`tel:${c.phone}`}>{c.phone}</a>
            </p>
          )}
          {c.phoneNotes && <p className="prose">{c.phoneNotes}</p>}
        </>
      ) : (
        <>
          <p>{t('meetings.page.linkForMembers')}</p>
          {signedIn ? (
            <JoinGroup groupId={meeting.group.id} />
          ) : (
            <p>
              <Link to={`/sign-in?next=${encodeURIComponent(`/meetings/${meeting.id}`)}`} className="button button--secondary">
                {t('meetings.page.signInToJoin')}
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function About({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const kinds = [...meeting.types.map((c) => typeName(c, t)), ...meeting.customTypes];
  return (
    <section className="card" aria-labelledby="meeting-about">
      <h2 id="meeting-about">{t('meetings.page.about')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('meetings.page.attendance')}</dt>
          <dd>{t(`meetings.attendance.${meeting.attendance}`)}</dd>
        </div>
        {kinds.length > 0 && (
          <div>
            <dt>{t('meetings.page.types')}</dt>
            <dd>{new Intl.ListFormat(locale, { type: 'unit' }).format(kinds)}</dd>
          </div>
        )}
        {meeting.languages.length > 0 && (
          <div>
            <dt>{t('meetings.page.languages')}</dt>
            <dd>{new Intl.ListFormat(locale, { type: 'conjunction' }).format(meeting.languages.map((l) => languageName(l, locale)))}</dd>
          </div>
        )}
        <div>
          <dt>{t('meetings.page.group')}</dt>
          <dd>
            <Link to={`/groups/${meeting.group.id}`}>{meeting.group.name}</Link>
          </dd>
        </div>
      </dl>
      {meeting.notes && (
        <>
          <h3 className="section-subtitle">{t('meetings.page.notes')}</h3>
          <p className="prose">{meeting.notes}</p>
        </>
      )}
      {meeting.readings && (
        <>
          <h3 className="section-subtitle">{t('meetings.page.readings')}</h3>
          <p className="prose">{meeting.readings}</p>
        </>
      )}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../contracts/accounts.ts';
import { Loading } from '../../components/Loading.tsx';
import { todayIn } from '../../lib/local-date.ts';
import { useCheckIns, useGoals, useMentees, useSobriety } from './api.ts';
import { GoalProgress } from './GoalProgress.tsx';
import { TrackCount } from './TrackCount.tsx';

/** The member's day at a glance on the home page: their count and milestones, today's check-in, goals. */
export function JourneyHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  const today = todayIn(me.timeZone);
  const sobriety = useSobriety();
  const checkIns = useCheckIns(today, today);
  const goals = useGoals();
  const checkedIn = checkIns.data?.checkIns.some((c) => c.date === today);
  return (
    <>
      <section className="card" aria-labelledby="home-member">
        <h2 id="home-member">{t('home.member.title')}</h2>
        {sobriety.isPending && <Loading />}
        {sobriety.data &&
          (sobriety.data.tracks.length === 0 ? (
            <>
              <p>{t('journey.home.noTracks')}</p>
              <Link to="/journey/sobriety" className="button button--secondary">
                {t('journey.home.addDate')}
              </Link>
            </>
          ) : (
            <>
              {sobriety.data.tracks.map((track) => (
                <div key={track.id} className="home-track">
                  {sobriety.data.tracks.length > 1 && <h3>{track.label}</h3>}
                  <TrackCount track={track} compact />
                </div>
              ))}
              <p>
                <Link to="/journey/sobriety">{t('journey.home.seeDates')}</Link>
              </p>
            </>
          ))}
      </section>

      <section className="card" aria-labelledby="home-check-in">
        <h2 id="home-check-in">{t('journey.home.checkInTitle')}</h2>
        {checkIns.isPending && <Loading />}
        {checkIns.data && (
          <>
            <p>{checkedIn ? t('journey.home.checkedIn') : t('journey.home.notYet')}</p>
            {checkIns.data.streak.current > 0 && <p className="streak">{t('journey.streak.current', { count: checkIns.data.streak.current })}</p>}
            <Link to="/journey/check-in" className={checkedIn ? 'button button--secondary' : 'button button--primary'}>
              {checkedIn ? t('journey.home.editCheckIn') : t('journey.home.checkInNow')}
            </Link>
          </>
        )}
      </section>

      {goals.data && goals.data.length > 0 && (
        <section className="card" aria-labelledby="home-goals">
          <h2 id="home-goals">{t('journey.home.goalsTitle')}</h2>
          <ul className="home-goals">
            {goals.data.map((g) => (
              <li key={g.id}>
                <h3 className="card-title">{g.title}</h3>
                <GoalProgress goal={g} />
              </li>
            ))}
          </ul>
          <p>
            <Link to="/journey/goals">{t('journey.home.seeGoals')}</Link>
          </p>
        </section>
      )}
      <MenteesCard />
    </>
  );
}

/** Only for someone who mentors: the people they walk alongside. */
function MenteesCard() {
  const { t } = useTranslation();
  const mentees = useMentees().data;
  if (!mentees?.length) return null;
  return (
    <section className="card" aria-labelledby="home-mentees">
      <h2 id="home-mentees">{t('mentees.title')}</h2>
      <ul className="points">
        {mentees.map((m) => (
          <li key={m.id}>
            <Link to={`/mentees/${m.id}`}>{m.displayName}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mentorAdminBody, mentoringLimits } from '../../../contracts/mentoring.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { type MentorProfile, useMentoringSettings, useMentors, useUpdateMentor } from '../../features/mentoring/admin-api.ts';
import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/messages.ts';
import { MentoringAdminPage, useMentoringWords } from './mentoring-parts.tsx';

/** Every mentor profile, with the coordinator's two levers: certification, and a cap on how many mentees. */
export function MentoringMentorsPage() {
  const { t } = useTranslation();
  const mentors = useMentors();
  const settings = useMentoringSettings();
  const sorted = [...(mentors.data ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <MentoringAdminPage title={t('mentoringAdmin.mentors.title')} lead={t('mentoringAdmin.mentors.lead')}>
      {settings.data && (
        <p className="muted">{t(settings.data.requireCertification ? 'mentoringAdmin.mentors.certificationRequired' : 'mentoringAdmin.mentors.certificationOptional')}</p>
      )}
      {mentors.isPending && <Loading />}
      {mentors.isError && <Alert tone="error" title={errorMessage(mentors.error, t)} />}
      {mentors.data &&
        (mentors.data.length === 0 ? (
          <p>{t('mentoringAdmin.mentors.none')}</p>
        ) : (
          <>
            <p className="muted">
              {t('mentoringAdmin.mentors.count', { count: mentors.data.length })} {t('mentoringAdmin.mentors.menteesHint')}
            </p>
            <ul className="card-list mentor-cards">
              {sorted.map((m) => (
                <MentorCard key={m.userId} mentor={m} />
              ))}
            </ul>
          </>
        ))}
    </MentoringAdminPage>
  );
}

function MentorCard({ mentor }: { mentor: MentorProfile }) {
  const { t } = useTranslation();
  const w = useMentoringWords();
  const update = useUpdateMentor();
  const headingId = `mentor-${mentor.userId}`;
  const effective = mentor.capacityCap === null ? mentor.capacity : Math.min(mentor.capacity, mentor.capacityCap);
  const [cap, setCap] = useState(mentor.capacityCap === null ? '' : String(mentor.capacityCap));
  const [capError, setCapError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  // The switch shows the new position at once; the server's answer (or a failure, which reverts it) replaces it.
  const [certifiedShown, setCertifiedShown] = useState<boolean | null>(null);
  const certified = certifiedShown ?? mentor.certified;

  const setCertified = (next: boolean) => {
    setSaved(null);
    setCertifiedShown(next);
    update.mutate(
      { id: mentor.userId, certified: next },
      {
        onSuccess: () => setSaved(t(next ? 'mentoringAdmin.mentors.certifiedSaved' : 'mentoringAdmin.mentors.uncertifiedSaved', { name: mentor.displayName })),
        onSettled: () => setCertifiedShown(null),
      },
    );
  };

  const saveCap = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const capacityCap = cap.trim() === '' ? null : Number(cap);
    const parsed = mentorAdminBody.safeParse({ capacityCap });
    if (!parsed.success || (capacityCap !== null && !Number.isInteger(capacityCap))) {
      setCapError(t('mentoringAdmin.mentors.capRange', { max: mentoringLimits.capacityMax }));
      document.getElementById(`cap-${mentor.userId}`)?.focus();
      return;
    }
    setCapError(undefined);
    update.mutate(
      { id: mentor.userId, capacityCap },
      {
        onSuccess: (p) =>
          setSaved(
            p.capacityCap === null
              ? t('mentoringAdmin.mentors.capRemoved', { name: mentor.displayName })
              : t('mentoringAdmin.mentors.capSaved', { name: mentor.displayName, count: p.capacityCap }),
          ),
        onError: (err) => {
          if (err instanceof ApiError && err.fields.capacityCap) setCapError(err.fields.capacityCap);
        },
      },
    );
  };

  return (
    <li className="card mentor-card">
      <h2 className="card-title" id={headingId}>
        {mentor.displayName}
      </h2>
      <p className="badges">
        {mentor.available ? (
          <span className="badge badge--pending">{t('mentoringAdmin.mentors.available')}</span>
        ) : (
          <span className="badge badge--warning">{t('mentoringAdmin.mentors.unavailable')}</span>
        )}
        {!mentor.accepting && <span className="badge">{t('mentoringAdmin.mentors.notAccepting')}</span>}
        {!certified && <span className="badge">{t('mentoringAdmin.mentors.notCertified')}</span>}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('mentoringAdmin.mentors.languages')}</dt>
          <dd>{w.languages(mentor.languages)}</dd>
        </div>
        <div>
          <dt>{t('mentoringAdmin.mentors.pathways')}</dt>
          <dd>{w.pathways(mentor.pathways)}</dd>
        </div>
        <div>
          <dt>{t('mentoringAdmin.mentors.mentees')}</dt>
          <dd>
            {t('mentoringAdmin.mentors.menteesValue', { active: mentor.activeMentees, capacity: effective })}
            {mentor.capacityCap !== null && mentor.capacityCap < mentor.capacity && (
              <span className="muted"> {t('mentoringAdmin.mentors.ownLimit', { count: mentor.capacity })}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('mentoringAdmin.mentors.accepting')}</dt>
          <dd>{mentor.accepting ? t('mentoringAdmin.yes') : t('mentoringAdmin.no')}</dd>
        </div>
      </dl>

      <div className="choice">
        <input
          id={`certified-${mentor.userId}`}
          type="checkbox"
          role="switch"
          checked={certified}
          onChange={() => setCertified(!certified)}
          aria-describedby={`certified-${mentor.userId}-hint`}
        />
        <div className="choice-text">
          <label htmlFor={`certified-${mentor.userId}`}>
            {t('mentoringAdmin.mentors.certified')}
            <span className="visually-hidden"> ({mentor.displayName})</span>
          </label>
          <span className="choice-hint" id={`certified-${mentor.userId}-hint`}>
            {t('mentoringAdmin.mentors.certifiedHint')}
          </span>
        </div>
      </div>

      <form className="cap-form" onSubmit={saveCap} noValidate aria-label={t('mentoringAdmin.mentors.capFormLabel', { name: mentor.displayName })}>
        <TextField
          id={`cap-${mentor.userId}`}
          name="capacityCap"
          type="number"
          inputMode="numeric"
          label={t('mentoringAdmin.mentors.cap')}
          hint={t('mentoringAdmin.mentors.capHint', { count: mentor.capacity })}
          error={capError}
          value={cap}
          onChange={setCap}
        />
        <Button type="submit" variant="secondary" pending={update.isPending && update.variables?.capacityCap !== undefined}>
          {t('mentoringAdmin.mentors.saveCap')}
        </Button>
      </form>
      <div role="status">{saved && <Alert tone="success" title={saved} />}</div>
      {update.isError && <Alert live tone="error" title={errorMessage(update.error, t)} />}
    </li>
  );
}

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import type { Me } from '../../../contracts/accounts.ts';
import { PATHWAYS } from '../../../contracts/journey.ts';
import { AGE_BANDS, CONTACT_MODES, GENDERS, mentoringLimits, mentorProfileBody } from '../../../contracts/mentoring.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChipGroup } from '../../components/Chips.tsx';
import { Checkbox, CheckboxGroup } from '../../components/Choices.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useMe } from '../../features/account/api.ts';
import { type MentorProfile, useMentorProfile, useSaveMentorProfile } from '../../features/mentoring/api.ts';
import { AvailabilityEditor, toRow, toWindow, type WindowRow } from '../../features/mentoring/AvailabilityEditor.tsx';
import { checkBody, placeServerError } from '../../features/mentoring/form.ts';
import { COMMON_LANGUAGES, languageLabel } from '../../features/mentoring/format.ts';
import { MentoringPage } from '../../features/mentoring/MentoringPage.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { useForm } from '../../lib/form.ts';
import { errorMessage } from '../../lib/messages.ts';
import { browserTimeZone, formatDateTime, timeZoneOptions } from '../../lib/time.ts';

const UNSAID = 'unsaid';

/** A peer supporter's mentor profile: what mentees read about them, and how much they can take on. */
export function MentorProfilePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const peer = Boolean(me?.roles.includes('peer_supporter'));
  const profile = useMentorProfile(peer);
  if (me && !peer) return <Navigate to="/mentoring" replace />;
  return (
    <MentoringPage title={t('mentoring.profile.title')} lead={<p>{t('mentoring.profile.lead')}</p>}>
      {profile.isPending && <Loading />}
      {profile.isError && <Alert tone="error" title={errorMessage(profile.error, t)} />}
      {profile.isSuccess && me && (
        <>
          {profile.data && <Standing profile={profile.data} />}
          {!profile.data && (
            <Alert tone="info" title={t('mentoring.profile.newTitle')}>
              <p>{t('mentoring.profile.newLead')}</p>
            </Alert>
          )}
          <ProfileForm profile={profile.data} me={me} />
        </>
      )}
    </MentoringPage>
  );
}

/** What the program decided (certification, a cap) and whether requests can reach them now; read only. */
function Standing({ profile }: { profile: MentorProfile }) {
  const { t } = useTranslation();
  const effective = profile.capacityCap === null ? profile.capacity : Math.min(profile.capacity, profile.capacityCap);
  return (
    <section className="card" aria-labelledby="profile-standing">
      <h2 id="profile-standing">{t('mentoring.profile.standingTitle')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('mentoring.profile.certified')}</dt>
          <dd>{t(profile.certified ? 'mentoring.profile.certifiedYes' : 'mentoring.profile.certifiedNo')}</dd>
        </div>
        <div>
          <dt>{t('mentoring.profile.places')}</dt>
          <dd>{t('mentoring.profile.placesValue', { active: profile.activeMentees, count: effective })}</dd>
        </div>
        {profile.capacityCap !== null && (
          <div>
            <dt>{t('mentoring.profile.cap')}</dt>
            <dd>{t('mentoring.profile.capValue', { count: profile.capacityCap })}</dd>
          </div>
        )}
        <div>
          <dt>{t('mentoring.profile.receiving')}</dt>
          <dd>{t(profile.available ? 'mentoring.profile.receivingYes' : profile.accepting ? 'mentoring.profile.receivingFull' : 'mentoring.profile.receivingPaused')}</dd>
        </div>
      </dl>
      <p className="muted">{t('mentoring.profile.updated', { date: formatDateTime(profile.updatedAt, currentLocale()) })}</p>
    </section>
  );
}

function initialValues(p: MentorProfile | null, me: Me) {
  return {
    summary: p?.summary ?? '',
    pathways: (p?.pathways ?? []) as string[],
    languages: p?.languages ?? [me.locale],
    gender: (p?.gender ?? UNSAID) as string,
    genderDescription: p?.genderDescription ?? '',
    ageBand: (p?.ageBand ?? UNSAID) as string,
    timeZone: p?.timeZone ?? me.timeZone ?? browserTimeZone(),
    availability: (p?.availability ?? []).map(toRow) as WindowRow[],
    contactModes: (p?.contactModes ?? []) as string[],
    capacity: String(p?.capacity ?? 2),
    accepting: p?.accepting ?? true,
  };
}
type Values = ReturnType<typeof initialValues>;

const toBody = (v: Values) => ({
  ...v,
  gender: v.gender === UNSAID ? null : v.gender,
  genderDescription: v.genderDescription.trim() || null,
  ageBand: v.ageBand === UNSAID ? null : v.ageBand,
  availability: v.availability.map(toWindow),
  capacity: Number(v.capacity),
});

function ProfileForm({ profile, me }: { profile: MentorProfile | null; me: Me }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const save = useSaveMentorProfile();
  const form = useForm(mentorProfileBody, initialValues(profile, me), toBody);
  const { values: v } = form;
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const checked = checkBody(mentorProfileBody, toBody(v), v, t);
    if (!checked.ok) return form.showError(checked.error);
    try {
      await save.mutateAsync(checked.data);
      setSaved(true);
    } catch (err) {
      form.showError(placeServerError(err, Object.keys(v)));
    }
  };
  const languageOptions = [...new Set([...COMMON_LANGUAGES, ...v.languages])].map((code) => ({ value: code, label: languageLabel(code, locale) }));
  const availability = form.field('availability');
  const accepting = form.field('accepting');
  return (
    <section aria-labelledby="profile-form">
      <h2 id="profile-form">{t('mentoring.profile.formTitle')}</h2>
      <Form onSubmit={(e) => void submit(e)} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('mentoring.profile.formTitle')}>
        <TextAreaField {...form.field('summary')} label={t('mentoring.profile.summary')} hint={t('mentoring.profile.summaryHint')} maxLength={mentoringLimits.summaryMax} rows={6} />
        <CheckboxGroup {...form.field('pathways')} legend={t('mentoring.profile.pathways')} hint={t('mentoring.profile.pathwaysHint')} options={PATHWAYS.map((p) => ({ value: p, label: t(`journey.pathways.${p}`) }))} />
        <ChipGroup multiple {...form.field('languages')} legend={t('mentoring.profile.languages')} options={languageOptions} />
        <fieldset className="field field-group">
          <legend className="field-label">{t('mentoring.profile.aboutYou')}</legend>
          <p className="field-hint">{t('mentoring.profile.aboutYouHint')}</p>
          <SelectField
            {...form.field('gender')}
            label={t('mentoring.fields.gender')}
            hint={t('mentoring.profile.genderHint')}
            options={[{ value: UNSAID, label: t('mentoring.profile.preferNot') }, ...GENDERS.map((g) => ({ value: g, label: t(`mentoring.genders.${g}`) }))]}
          />
          <TextField {...form.field('genderDescription')} label={t('mentoring.profile.genderDescription')} hint={t('mentoring.profile.genderDescriptionHint')} />
          <SelectField
            {...form.field('ageBand')}
            label={t('mentoring.fields.ageBand')}
            options={[{ value: UNSAID, label: t('mentoring.profile.preferNot') }, ...AGE_BANDS.map((a) => ({ value: a, label: t(`mentoring.ageBands.${a}`) }))]}
          />
        </fieldset>
        <ChipGroup multiple {...form.field('contactModes')} legend={t('mentoring.profile.modes')} options={CONTACT_MODES.map((m) => ({ value: m, label: t(`mentoring.modes.${m}`) }))} />
        <SelectField {...form.field('timeZone')} label={t('mentoring.fields.timeZone')} options={timeZoneOptions(v.timeZone)} />
        <AvailabilityEditor id={availability.id} legend={t('mentoring.profile.availability')} hint={t('mentoring.profile.availabilityHint')} error={availability.error} value={availability.value} onChange={availability.onChange} />
        <SelectField
          {...form.field('capacity')}
          label={t('mentoring.profile.capacity')}
          hint={t('mentoring.profile.capacityHint')}
          options={Array.from({ length: mentoringLimits.capacityMax }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
        />
        <div className="field" id={accepting.id} tabIndex={-1}>
          <Checkbox id={`${accepting.id}-box`} name="accepting" checked={v.accepting} onChange={(c) => form.setValues((x) => ({ ...x, accepting: c }))} label={t('mentoring.profile.accepting')} hint={t('mentoring.profile.acceptingHint')} />
        </div>
        <div role="status">{saved && <Alert tone="success" title={t('mentoring.profile.saved')} ref={savedRef} />}</div>
        <FormActions submitLabel={t('mentoring.profile.save')} pending={save.isPending} />
      </Form>
    </section>
  );
}

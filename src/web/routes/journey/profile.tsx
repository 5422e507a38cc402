import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PATHWAYS, recoveryProfileBody, STAGES } from '../../../contracts/journey.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxGroup, RadioGroup } from '../../components/Choices.tsx';
import { Form } from '../../components/Form.tsx';
import { ListEditor, RowInput } from '../../components/ListEditor.tsx';
import { Loading } from '../../components/Loading.tsx';
import { type RecoveryProfile, type Stage, useRecoveryProfile, useSaveRecoveryProfile, useSetStage } from '../../features/journey/api.ts';
import { JourneyPage } from '../../features/journey/JourneyPage.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { useForm } from '../../lib/form.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDate } from '../../lib/time.ts';

/** Languages offered as checkboxes; any other saved code is kept and shown too. */
const COMMON_LANGUAGES = ['en', 'es', 'pt', 'fr', 'ht', 'zh', 'vi', 'tl', 'ko', 'ar', 'ru', 'de', 'it'];

/** The recovery profile (private unless shared), the stage of change with its history, and the data export. */
export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useRecoveryProfile();
  return (
    <JourneyPage title={t('journey.pages.profile.title')} lead={<p>{t('journey.profile.lead')}</p>}>
      {profile.isPending && <Loading />}
      {profile.isError && <Alert tone="error" title={errorMessage(profile.error, t)} />}
      {profile.data && (
        <>
          <ProfileForm profile={profile.data} />
          <StageForm profile={profile.data} />
        </>
      )}
      <Export />
    </JourneyPage>
  );
}

function languageName(code: string, locale: string) {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : code;
  } catch {
    return code;
  }
}

function ProfileForm({ profile }: { profile: RecoveryProfile }) {
  const { t } = useTranslation();
  const save = useSaveRecoveryProfile();
  const [saved, setSaved] = useState(false);
  const form = useForm(
    recoveryProfileBody,
    { pathways: profile.pathways as string[], recoveringFrom: profile.recoveringFrom, languages: profile.languages },
    (v) => ({ ...v, recoveringFrom: v.recoveringFrom.map((s) => s.trim()).filter(Boolean) }),
  );
  const submit = form.handleSubmit(async (body) => {
    setSaved(false);
    await save.mutateAsync(body);
    setSaved(true);
  });
  const locale = currentLocale();
  const pathways = form.field('pathways');
  const from = form.field('recoveringFrom');
  const languages = form.field('languages');
  const languageOptions = [...new Set([...COMMON_LANGUAGES, ...profile.languages])].map((code) => ({ value: code, label: languageName(code, locale) }));
  return (
    <section className="card" aria-labelledby="profile-about">
      <h2 id="profile-about">{t('journey.profile.aboutTitle')}</h2>
      <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('journey.profile.aboutTitle')}>
        <CheckboxGroup
          {...pathways}
          legend={t('journey.profile.pathways')}
          hint={t('journey.profile.pathwaysHint')}
          options={PATHWAYS.map((p) => ({ value: p, label: t(`journey.pathways.${p}`) }))}
        />
        <ListEditor
          id={from.id}
          legend={t('journey.profile.recoveringFrom')}
          hint={t('journey.profile.recoveringFromHint')}
          error={from.error}
          items={from.value}
          onChange={from.onChange}
          blank=""
          itemLabel={(n) => t('journey.profile.recoveringFromItem', { n })}
          addLabel={t('journey.profile.recoveringFromAdd')}
          removeText={t('journey.list.remove')}
          removeLabel={(n) => t('journey.profile.recoveringFromRemove', { n })}
          renderItem={(item, change, ids) => <RowInput {...ids} value={item} onChange={change} />}
        />
        <CheckboxGroup {...languages} legend={t('journey.profile.languages')} hint={t('journey.profile.languagesHint')} options={languageOptions} />
        <p className="muted">
          {t('journey.profile.timeZoneNote')} <Link to="/settings">{t('journey.profile.timeZoneLink')}</Link>
        </p>
        <div role="status">{saved && <Alert tone="success" title={t('journey.profile.saved')} />}</div>
        <Button type="submit" pending={form.submitting}>
          {t('journey.profile.save')}
        </Button>
      </Form>
    </section>
  );
}

function StageForm({ profile }: { profile: RecoveryProfile }) {
  const { t } = useTranslation();
  const setStage = useSetStage();
  const [value, setValue] = useState<Stage | ''>(profile.stage ?? '');
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!value) return;
    setSaved(false);
    setStage.mutate(value, { onSuccess: () => setSaved(true) });
  };
  const history = [...profile.stageHistory].sort((a, b) => b.assessedAt.localeCompare(a.assessedAt));
  return (
    <section className="card" aria-labelledby="profile-stage">
      <h2 id="profile-stage">{t('journey.profile.stageTitle')}</h2>
      <p>{t('journey.profile.stageLead')}</p>
      <form className="form" onSubmit={submit} aria-labelledby="profile-stage">
        <RadioGroup<Stage>
          id="stage"
          name="stage"
          legend={t('journey.profile.stageLegend')}
          options={STAGES.map((s) => ({ value: s, label: t(`journey.stages.${s}.name`), hint: t(`journey.stages.${s}.hint`) }))}
          value={value as Stage}
          onChange={setValue}
        />
        <div role="status">
          {saved && <Alert tone="success" title={t('journey.profile.stageSaved')} />}
          {setStage.isError && <Alert tone="error" title={errorMessage(setStage.error, t)} />}
        </div>
        <Button type="submit" pending={setStage.isPending} disabled={!value}>
          {t('journey.profile.stageSave')}
        </Button>
      </form>
      {history.length > 0 && (
        <>
          <h3>{t('journey.profile.stageHistory')}</h3>
          <ul className="activity">
            {history.map((h) => (
              <li key={h.assessedAt}>
                <time className="muted" dateTime={h.assessedAt}>
                  {formatDate(h.assessedAt, currentLocale())}
                </time>
                <p>{t(`journey.stages.${h.stage}.name`)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const CSV_SECTIONS = ['check_ins', 'sobriety', 'goals', 'coping_strategies', 'meetings'] as const;

/** Downloads of everything in the journey; plain links, so the browser saves the file the server names. */
function Export() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="profile-export">
      <h2 id="profile-export">{t('journey.export.title')}</h2>
      <p>{t('journey.export.lead')}</p>
      <div className="actions">
        <a className="button button--secondary" href="/api/v1/me/journey/export?format=json" download>
          {t('journey.export.json')}
        </a>
      </div>
      <h3>{t('journey.export.csvTitle')}</h3>
      <ul className="export-list">
        {CSV_SECTIONS.map((section) => (
          <li key={section}>
            <a href={`/api/v1/me/journey/export?format=csv&section=${section}`} download>
              {t(`journey.export.csv.${section}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

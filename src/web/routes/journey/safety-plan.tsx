import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { safetyPlanBody } from '../../../contracts/journey.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { ListEditor, RowInput } from '../../components/ListEditor.tsx';
import { Loading } from '../../components/Loading.tsx';
import { type SafetyPlan, useSafetyPlan, useSaveSafetyPlan } from '../../features/journey/api.ts';
import { JourneyPage } from '../../features/journey/JourneyPage.tsx';
import { CrisisResources, isPlanEmpty, LIST_SECTIONS, SafetyPlanView } from '../../features/journey/support.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { useForm } from '../../lib/form.ts';
import { formatDateTime } from '../../lib/time.ts';
import { errorMessage } from '../../lib/messages.ts';

const EMPTY: SafetyPlan = { warningSigns: [], copingAlone: [], distractions: [], helpers: [], professionals: [], saferEnvironment: [], reasons: [], updatedAt: null };

/** The safety plan: the standard sections, printable (the print stylesheet leaves out navigation and buttons). */
export function SafetyPlanPage() {
  const { t } = useTranslation();
  const plan = useSafetyPlan();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const data = plan.data ?? EMPTY;
  return (
    <JourneyPage title={t('journey.pages.safety-plan.title')} lead={<p>{t('journey.plan.lead')}</p>}>
      {plan.isPending && <Loading />}
      {plan.isError && <Alert tone="error" title={errorMessage(plan.error, t)} />}
      {plan.data &&
        (editing ? (
          <PlanForm
            plan={data}
            onDone={(didSave) => {
              setEditing(false);
              setSaved(didSave);
            }}
          />
        ) : (
          <>
            <div role="status">{saved && <Alert tone="success" title={t('journey.plan.saved')} />}</div>
            {isPlanEmpty(data) ? (
              <section className="card card--quiet" aria-labelledby="plan-empty">
                <h2 id="plan-empty">{t('journey.plan.emptyTitle')}</h2>
                <p>{t('journey.plan.emptyBody')}</p>
                <Button onClick={() => setEditing(true)}>{t('journey.plan.start')}</Button>
              </section>
            ) : (
              <>
                <div className="card plan-card">
                  <SafetyPlanView plan={data} headingLevel={2} />
                  {data.updatedAt && <p className="muted">{t('journey.plan.updated', { date: formatDateTime(data.updatedAt, currentLocale()) })}</p>}
                </div>
                <div className="actions no-print">
                  <Button onClick={() => setEditing(true)}>{t('journey.plan.edit')}</Button>
                  <Button variant="secondary" onClick={() => window.print()}>
                    {t('journey.plan.print')}
                  </Button>
                </div>
              </>
            )}
            <section aria-labelledby="plan-lines" className="plan-lines">
              <h2 id="plan-lines">{t('journey.plan.linesTitle')}</h2>
              <CrisisResources headingLevel={3} />
            </section>
          </>
        ))}
    </JourneyPage>
  );
}

type Contact = { name: string; phone: string };

function PlanForm({ plan, onDone }: { plan: SafetyPlan; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const save = useSaveSafetyPlan();
  const toRows = (contacts: SafetyPlan['helpers']): Contact[] => contacts.map((c) => ({ name: c.name, phone: c.phone ?? '' }));
  const form = useForm(
    safetyPlanBody,
    {
      warningSigns: plan.warningSigns,
      copingAlone: plan.copingAlone,
      distractions: plan.distractions,
      helpers: toRows(plan.helpers),
      professionals: toRows(plan.professionals),
      saferEnvironment: plan.saferEnvironment,
      reasons: plan.reasons,
    },
    (v) => {
      const lines = (items: string[]) => items.map((s) => s.trim()).filter(Boolean);
      const contacts = (rows: Contact[]) =>
        rows.filter((c) => c.name.trim() || c.phone.trim()).map((c) => ({ name: c.name.trim(), ...(c.phone.trim() ? { phone: c.phone.trim() } : {}) }));
      return {
        warningSigns: lines(v.warningSigns),
        copingAlone: lines(v.copingAlone),
        distractions: lines(v.distractions),
        helpers: contacts(v.helpers),
        professionals: contacts(v.professionals),
        saferEnvironment: lines(v.saferEnvironment),
        reasons: lines(v.reasons),
      };
    },
  );
  const submit = form.handleSubmit(async (body) => {
    await save.mutateAsync(body);
    onDone(true);
  });
  const listSection = (section: (typeof LIST_SECTIONS)[number]) => {
    const f = form.field(section);
    return (
      <ListEditor
        key={section}
        id={f.id}
        legend={t(`journey.plan.sections.${section}`)}
        hint={t(`journey.plan.hints.${section}`)}
        error={f.error}
        items={f.value}
        onChange={f.onChange}
        blank=""
        itemLabel={(n) => t('journey.plan.item', { n })}
        addLabel={t('journey.plan.add')}
        removeText={t('journey.list.remove')}
        removeLabel={(n) => t('journey.plan.removeItem', { n })}
        renderItem={(item, change, ids) => <RowInput {...ids} value={item} onChange={change} />}
      />
    );
  };
  const contactSection = (section: 'helpers' | 'professionals') => {
    const f = form.field(section);
    return (
      <ListEditor<Contact>
        key={section}
        id={f.id}
        legend={t(`journey.plan.sections.${section}`)}
        hint={t(`journey.plan.hints.${section}`)}
        error={f.error}
        items={f.value as Contact[]}
        onChange={f.onChange}
        blank={{ name: '', phone: '' }}
        itemLabel={(n) => t('journey.plan.person', { n })}
        addLabel={t('journey.plan.addPerson')}
        removeText={t('journey.list.remove')}
        removeLabel={(n) => t('journey.plan.removePerson', { n })}
        renderItem={(c, change, ids) => (
          <>
            <RowInput id={`${ids.id}-name`} label={t('journey.plan.name', { n: ids.label })} value={c.name} onChange={(name) => change({ ...c, name })} />
            <RowInput id={`${ids.id}-phone`} label={t('journey.plan.phone', { n: ids.label })} value={c.phone} type="tel" inputMode="tel" onChange={(phone) => change({ ...c, phone })} />
          </>
        )}
      />
    );
  };
  return (
    <div className="card">
      <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('journey.plan.edit')}>
        {listSection('warningSigns')}
        {listSection('copingAlone')}
        {listSection('distractions')}
        {contactSection('helpers')}
        {contactSection('professionals')}
        {listSection('saferEnvironment')}
        {listSection('reasons')}
        <FormActions submitLabel={t('journey.plan.save')} pending={form.submitting} onCancel={() => onDone(false)} />
      </Form>
    </div>
  );
}

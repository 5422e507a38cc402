import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GOAL_MEASURES, GOAL_PERIODS, goalBody, goalEntryBody } from '../../../contracts/journey.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useMe } from '../../features/account/api.ts';
import { type Goal, useAddGoalEntry, useCreateGoal, useDeleteGoal, useGoals, useUpdateGoal } from '../../features/journey/api.ts';
import { GoalProgress } from '../../features/journey/GoalProgress.tsx';
import { JourneyPage } from '../../features/journey/JourneyPage.tsx';
import { useForm } from '../../lib/form.ts';
import { todayIn } from '../../lib/local-date.ts';
import { errorMessage } from '../../lib/messages.ts';

/** Goals with a target per week or month: counted from check-ins where Kindred knows, self-reported otherwise. */
export function GoalsPage() {
  const { t } = useTranslation();
  const goals = useGoals();
  const [adding, setAdding] = useState(false);
  return (
    <JourneyPage title={t('journey.pages.goals.title')} lead={<p>{t('journey.goals.lead')}</p>}>
      {goals.isPending && <Loading />}
      {goals.isError && <Alert tone="error" title={errorMessage(goals.error, t)} />}
      {goals.data && (
        <>
          {goals.data.length === 0 && <p>{t('journey.goals.none')}</p>}
          <ul className="card-list card-list--single">
            {goals.data.map((g) => (
              <GoalCard key={g.id} goal={g} />
            ))}
          </ul>
          {adding || goals.data.length === 0 ? (
            <section className="card" aria-labelledby="goal-new">
              <h2 id="goal-new">{t('journey.goals.new')}</h2>
              <GoalForm onDone={() => setAdding(false)} canCancel={goals.data.length > 0} />
            </section>
          ) : (
            <Button variant="secondary" onClick={() => setAdding(true)}>
              {t('journey.goals.new')}
            </Button>
          )}
        </>
      )}
    </JourneyPage>
  );
}

function GoalCard({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'view' | 'edit' | 'log' | 'delete'>('view');
  const remove = useDeleteGoal();
  const headingId = `goal-${goal.id}`;
  return (
    <li className="card">
      <h2 className="card-title" id={headingId}>
        {goal.title}
      </h2>
      <p className="muted">{t(`journey.goals.measures.${goal.measure}`)}</p>
      <GoalProgress goal={goal} />
      {mode === 'edit' && <GoalForm goal={goal} onDone={() => setMode('view')} canCancel />}
      {mode === 'log' && <LogProgress goal={goal} onDone={() => setMode('view')} />}
      {mode === 'delete' && (
        <ConfirmDelete
          question={t('journey.goals.confirmDelete', { title: goal.title })}
          yes={t('journey.goals.deleteYes')}
          no={t('journey.goals.deleteNo')}
          pending={remove.isPending}
          onConfirm={() => remove.mutate(goal.id)}
          onCancel={() => setMode('view')}
        />
      )}
      {remove.isError && <Alert live tone="error" title={errorMessage(remove.error, t)} />}
      {mode === 'view' && (
        <div className="actions">
          {(goal.measure === 'self_reported' || goal.measure === 'mentor_contacts') && (
            <Button variant="secondary" onClick={() => setMode('log')} aria-describedby={headingId}>
              {t('journey.goals.log')}
            </Button>
          )}
          <Button variant="quiet" onClick={() => setMode('edit')} aria-describedby={headingId}>
            {t('journey.goals.edit')}
          </Button>
          <Button variant="quiet" onClick={() => setMode('delete')} aria-describedby={headingId}>
            {t('journey.goals.delete')}
          </Button>
        </div>
      )}
    </li>
  );
}

function GoalForm({ goal, onDone, canCancel }: { goal?: Goal; onDone: () => void; canCancel: boolean }) {
  const { t } = useTranslation();
  const create = useCreateGoal();
  const update = useUpdateGoal();
  const form = useForm(
    goalBody,
    { title: goal?.title ?? '', measure: (goal?.measure ?? 'check_ins') as string, target: String(goal?.target ?? 5), period: (goal?.period ?? 'week') as string },
    (v) => ({ ...v, target: v.target.trim() === '' ? undefined : Number(v.target) }),
  );
  const submit = form.handleSubmit(async (body) => {
    // What a goal measures is fixed once set: its progress would otherwise mix two kinds of counts.
    if (goal) await update.mutateAsync({ id: goal.id, title: body.title, target: body.target, period: body.period });
    else await create.mutateAsync(body);
    form.reset();
    onDone();
  });
  return (
    <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={goal ? t('journey.goals.edit') : t('journey.goals.new')}>
      <TextField {...form.field('title')} label={t('journey.goals.title')} hint={t('journey.goals.titleHint')} />
      {!goal && (
        <SelectField
          {...form.field('measure')}
          label={t('journey.goals.measure')}
          hint={t('journey.goals.measureHint')}
          options={GOAL_MEASURES.map((m) => ({ value: m, label: t(`journey.goals.measures.${m}`) }))}
        />
      )}
      <TextField {...form.field('target')} label={t('journey.goals.target')} inputMode="numeric" />
      <SelectField {...form.field('period')} label={t('journey.goals.period')} options={GOAL_PERIODS.map((p) => ({ value: p, label: t(`journey.goals.periods.${p}`) }))} />
      <FormActions submitLabel={goal ? t('journey.goals.save') : t('journey.goals.create')} pending={form.submitting} onCancel={canCancel ? onDone : undefined} />
    </Form>
  );
}

function LogProgress({ goal, onDone }: { goal: Goal; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe().data!;
  const add = useAddGoalEntry();
  const today = todayIn(me.timeZone);
  const form = useForm(goalEntryBody, { date: today, amount: '1' }, (v) => ({ ...v, amount: v.amount.trim() === '' ? undefined : Number(v.amount) }));
  const submit = form.handleSubmit(async (body) => {
    await add.mutateAsync({ id: goal.id, ...body });
    onDone();
  });
  return (
    <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('journey.goals.log')}>
      <TextField {...form.field('amount')} label={t('journey.goals.amount')} inputMode="numeric" />
      <TextField {...form.field('date')} type="date" max={today} label={t('journey.goals.date')} />
      <FormActions submitLabel={t('journey.goals.logSave')} pending={form.submitting} onCancel={onDone} />
    </Form>
  );
}

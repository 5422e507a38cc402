import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copingStrategyBody } from '../../../contracts/journey.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { ListEditor, RowInput } from '../../components/ListEditor.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { type CopingStrategy, useAddStrategy, useDeleteStrategy, useReorderStrategies, useToolbox, useUpdateStrategy } from '../../features/journey/api.ts';
import { JourneyPage } from '../../features/journey/JourneyPage.tsx';
import { useForm } from '../../lib/form.ts';
import { errorMessage } from '../../lib/messages.ts';

/** The member's coping toolbox: strategies with steps, in the order they want to see them on a hard day. */
export function ToolboxPage() {
  const { t } = useTranslation();
  const toolbox = useToolbox();
  const reorder = useReorderStrategies();
  const [adding, setAdding] = useState(false);
  const move = (list: CopingStrategy[], from: number, to: number) => {
    const ids = list.map((s) => s.id);
    const [id] = ids.splice(from, 1);
    ids.splice(to, 0, id!);
    reorder.mutate(ids);
  };
  return (
    <JourneyPage title={t('journey.pages.toolbox.title')} lead={<p>{t('journey.toolbox.lead')}</p>}>
      {toolbox.isPending && <Loading />}
      {toolbox.isError && <Alert tone="error" title={errorMessage(toolbox.error, t)} />}
      {reorder.isError && <Alert live tone="error" title={errorMessage(reorder.error, t)} />}
      {toolbox.data && (
        <>
          {toolbox.data.length === 0 && <p>{t('journey.toolbox.none')}</p>}
          <ol className="card-list card-list--single">
            {toolbox.data.map((s, i, list) => (
              <StrategyCard
                key={s.id}
                strategy={s}
                onUp={i > 0 ? () => move(list, i, i - 1) : undefined}
                onDown={i < list.length - 1 ? () => move(list, i, i + 1) : undefined}
              />
            ))}
          </ol>
          {adding || toolbox.data.length === 0 ? (
            <section className="card" aria-labelledby="strategy-new">
              <h2 id="strategy-new">{t('journey.toolbox.new')}</h2>
              <StrategyForm onDone={() => setAdding(false)} canCancel={toolbox.data.length > 0} />
            </section>
          ) : (
            <Button variant="secondary" onClick={() => setAdding(true)}>
              {t('journey.toolbox.new')}
            </Button>
          )}
        </>
      )}
    </JourneyPage>
  );
}

function StrategyCard({ strategy, onUp, onDown }: { strategy: CopingStrategy; onUp?: () => void; onDown?: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const remove = useDeleteStrategy();
  const headingId = `strategy-${strategy.id}`;
  return (
    <li className="card">
      <h2 className="card-title" id={headingId}>
        {strategy.title}
      </h2>
      {mode === 'edit' ? (
        <StrategyForm strategy={strategy} onDone={() => setMode('view')} canCancel />
      ) : (
        strategy.steps.length > 0 && (
          <ol className="steps">
            {strategy.steps.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ol>
        )
      )}
      {mode === 'delete' && (
        <ConfirmDelete
          question={t('journey.toolbox.confirmDelete', { title: strategy.title })}
          yes={t('journey.toolbox.deleteYes')}
          no={t('journey.toolbox.deleteNo')}
          pending={remove.isPending}
          onConfirm={() => remove.mutate(strategy.id)}
          onCancel={() => setMode('view')}
        />
      )}
      {remove.isError && <Alert live tone="error" title={errorMessage(remove.error, t)} />}
      {mode === 'view' && (
        <div className="actions">
          <Button variant="secondary" onClick={() => setMode('edit')} aria-describedby={headingId}>
            {t('journey.toolbox.edit')}
          </Button>
          {onUp && (
            <Button variant="quiet" onClick={onUp} aria-describedby={headingId}>
              {t('journey.toolbox.up')}
            </Button>
          )}
          {onDown && (
            <Button variant="quiet" onClick={onDown} aria-describedby={headingId}>
              {t('journey.toolbox.down')}
            </Button>
          )}
          <Button variant="quiet" onClick={() => setMode('delete')} aria-describedby={headingId}>
            {t('journey.toolbox.delete')}
          </Button>
        </div>
      )}
    </li>
  );
}

function StrategyForm({ strategy, onDone, canCancel }: { strategy?: CopingStrategy; onDone: () => void; canCancel: boolean }) {
  const { t } = useTranslation();
  const add = useAddStrategy();
  const update = useUpdateStrategy();
  const form = useForm(copingStrategyBody, { title: strategy?.title ?? '', steps: strategy?.steps ?? [''] }, (v) => ({
    title: v.title,
    steps: v.steps.map((s) => s.trim()).filter(Boolean),
  }));
  const submit = form.handleSubmit(async (body) => {
    if (strategy) await update.mutateAsync({ id: strategy.id, ...body });
    else await add.mutateAsync(body);
    form.reset();
    onDone();
  });
  const steps = form.field('steps');
  return (
    <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={strategy ? t('journey.toolbox.edit') : t('journey.toolbox.new')}>
      <TextField {...form.field('title')} label={t('journey.toolbox.title')} hint={t('journey.toolbox.titleHint')} />
      <ListEditor
        id={steps.id}
        legend={t('journey.toolbox.steps')}
        hint={t('journey.toolbox.stepsHint')}
        error={steps.error}
        items={steps.value}
        onChange={steps.onChange}
        blank=""
        itemLabel={(n) => t('journey.toolbox.step', { n })}
        addLabel={t('journey.toolbox.addStep')}
        removeText={t('journey.list.remove')}
        removeLabel={(n) => t('journey.toolbox.removeStep', { n })}
        renderItem={(item, change, ids) => <RowInput {...ids} value={item} onChange={change} />}
      />
      <FormActions submitLabel={t('journey.toolbox.save')} pending={form.submitting} onCancel={canCancel ? onDone : undefined} />
    </Form>
  );
}

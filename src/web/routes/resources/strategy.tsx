import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../../features/account/api.ts';
import { type CopingLibraryStrategy, useDeleteLibraryStrategy, useLibraryStrategy } from '../../features/resources/library-api.ts';
import { HelpedCount, HelpedToggle } from '../../features/resources/library/HelpedToggle.tsx';
import { SaveToToolbox } from '../../features/resources/library/SaveToToolbox.tsx';
import { SignInFirst } from '../../features/resources/library/SignInFirst.tsx';
import { ReviewStatus, sourceText, StepList, WhenList } from '../../features/resources/library/StrategyFacts.tsx';
import { SendToMentee } from '../../features/resources/SendToMentee.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/messages.ts';
import { NotFoundPage } from '../not-found.tsx';

/** One strategy: its steps in order, where it comes from, and what the reader can do with it. */
export function StrategyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const strategy = useLibraryStrategy(id);
  if (strategy.data === null) return <NotFoundPage />;
  if (!strategy.data) {
    return (
      <Page title={t('coping.title')}>
        {strategy.isPending && <Loading />}
        {strategy.isError && (isApiError(strategy.error, 'unauthenticated') ? <SignInFirst /> : <Alert tone="error" title={errorMessage(strategy.error, t)} />)}
      </Page>
    );
  }
  return <StrategyView strategy={strategy.data} />;
}

function StrategyView({ strategy: s }: { strategy: CopingLibraryStrategy }) {
  const { t } = useTranslation();
  const signedIn = Boolean(useMe().data);
  const approved = s.status === 'approved';
  return (
    <Page title={s.title} lead={s.summary && <p lang={s.locale}>{s.summary}</p>}>
      {/* Only its author and reviewers can open one that is not approved: both need to see where it stands. */}
      {!approved && (
        <div className="actions">
          <ReviewStatus strategy={s} />
        </div>
      )}
      <WhenList when={s.whenHelps} />
      <p className="muted strategy-source">{sourceText(s, t)}</p>

      <section aria-labelledby="strategy-steps">
        <h2 id="strategy-steps">{t('coping.strategy.steps')}</h2>
        <StepList strategy={s} />
      </section>

      {signedIn && approved ? (
        <div className="actions">
          <HelpedToggle strategy={s} />
          <SaveToToolbox strategy={s} />
        </div>
      ) : (
        <HelpedCount count={s.helpedCount} />
      )}
      {approved && <SendToMentee kind="strategy" id={s.id} />}
      {s.mine && <DeleteMine strategy={s} />}
      <p>
        <Link to="/resources/strategies">{t('coping.strategy.back')}</Link>
      </p>
    </Page>
  );
}

/** The author may take their strategy out of the library; copies members saved to their toolbox are theirs. */
function DeleteMine({ strategy }: { strategy: CopingLibraryStrategy }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteLibraryStrategy();
  const [asking, setAsking] = useState<boolean | null>(null);
  const question = useRef<HTMLDivElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  // Focus goes to the question when it appears and back to "Remove" when the person keeps it.
  useEffect(() => {
    if (asking) question.current?.focus();
    else if (asking === false) removeButton.current?.focus();
  }, [asking]);
  return (
    <>
      {asking ? (
        <div ref={question} tabIndex={-1} className="confirm-delete">
          <ConfirmDelete
            question={t('coping.strategy.confirmDelete', { title: strategy.title })}
            yes={t('coping.strategy.deleteYes')}
            no={t('coping.strategy.deleteNo')}
            pending={remove.isPending}
            onConfirm={() => remove.mutate(strategy.id, { onSuccess: () => void navigate('/resources/strategies', { state: { deleted: true } }) })}
            onCancel={() => setAsking(false)}
          />
        </div>
      ) : (
        <div className="actions">
          {/* A plain button: the shared Button takes no ref, and focus comes back here when the person keeps it. */}
          <button type="button" className="button button--quiet" ref={removeButton} onClick={() => setAsking(true)}>
            {t('coping.strategy.delete')}
          </button>
        </div>
      )}
      {remove.isError && <Alert live tone="error" title={errorMessage(remove.error, t)} />}
    </>
  );
}

import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../../features/account/api.ts';
import { useReviewStrategy, useReviewSuggestion, useReviewTip, useVerifyResource, useWorkList, type WorkList } from '../../features/resources/api.ts';
import { Decision } from '../../features/resources/Decision.tsx';
import { ResourceCard } from '../../features/resources/ResourceCard.tsx';
import { isReviewer } from '../../features/resources/roles.ts';
import { Stars } from '../../features/resources/TipList.tsx';
import '../../features/resources/resources.css';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDate } from '../../lib/time.ts';
import { NotFoundPage } from '../not-found.tsx';

type Said = (text: string) => void;

/**
 * The decided item leaves the list as soon as the server answers, which unmounts it before a mutate() callback
 * would run: the promise is followed instead.
 */
const after = (done: Promise<unknown>, then: () => void) => void done.then(then, () => undefined);

/**
 * The coordinators' and moderators' work list: members' suggested entries, tips and reviews, and strategies, each
 * approved or rejected with an optional note; and, for coordinators, entries due for re-verification. Nobody's
 * name is shown. For anyone else the page does not exist.
 */
export function ResourceReviewPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const reviewer = Boolean(me && isReviewer(me));
  const work = useWorkList(reviewer);
  // One live region for every decision: the item leaves the list, and this says what happened to it.
  const [said, setSaid] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const say: Said = (text) => {
    setSaid(text);
    // The decided item is gone: the keyboard's place moves to the top of the list, where the news is.
    heading.current?.focus();
  };

  if (!reviewer || work.data === null) return <NotFoundPage />;
  if (work.isPending) {
    return (
      <Page title={t('resources.review.title')}>
        <Loading />
      </Page>
    );
  }
  if (work.isError) {
    return (
      <Page title={t('resources.review.title')}>
        <Alert tone="error" title={errorMessage(work.error, t)} />
      </Page>
    );
  }
  const w = work.data;
  const empty = w.suggestions.length + w.tips.length + w.strategies.length + w.reverify.length === 0;
  return (
    <Page title={t('resources.review.title')} lead={<p>{t('resources.review.lead')}</p>} wide>
      <p>
        <Link to="/resources">{t('resources.entry.back')}</Link>
      </p>
      <h2 className="visually-hidden" ref={heading} tabIndex={-1}>
        {t('resources.review.listTitle')}
      </h2>
      <div role="status">{said && <Alert tone="success" title={said} />}</div>
      {empty && <p className="card card--quiet">{t('resources.review.empty')}</p>}
      <Section id="review-suggestions" title={t('resources.review.suggestions', { count: w.suggestions.length })} items={w.suggestions}>
        {(s) => <SuggestionItem key={s.id} item={s} say={say} />}
      </Section>
      <Section id="review-tips" title={t('resources.review.tips', { count: w.tips.length })} items={w.tips}>
        {(tip) => <TipItem key={tip.id} item={tip} say={say} />}
      </Section>
      <Section id="review-strategies" title={t('resources.review.strategies', { count: w.strategies.length })} items={w.strategies}>
        {(s) => <StrategyItem key={s.id} item={s} say={say} />}
      </Section>
      {me?.roles.includes('coordinator') && (
        <Section id="review-reverify" title={t('resources.review.reverify', { count: w.reverify.length })} lead={t('resources.review.reverifyLead')} items={w.reverify}>
          {(r) => <ReverifyItem key={r.id} item={r} say={say} />}
        </Section>
      )}
    </Page>
  );
}

function Section<T>({ id, title, lead, items, children }: { id: string; title: string; lead?: string; items: T[]; children: (item: T) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="resource-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {lead && <p className="muted">{lead}</p>}
      {items.length === 0 ? <p className="muted">{t('resources.review.nothing')}</p> : <ul className="work-list">{items.map(children)}</ul>}
    </section>
  );
}

function SuggestionItem({ item, say }: { item: WorkList['suggestions'][number]; say: Said }) {
  const { t } = useTranslation();
  const review = useReviewSuggestion();
  return (
    <ResourceCard resource={item}>
      <p className="muted">{t('resources.review.suggestedOn', { date: formatDate(item.createdAt, currentLocale()) })}</p>
      <Decision
        what={t('resources.review.suggestionWhat', { name: item.name })}
        pending={review.isPending}
        error={review.error}
        onDecide={(body) => after(review.mutateAsync({ id: item.id, ...body }), () => say(t(`resources.review.suggestion_${body.decision}`, { name: item.name })))}
      />
    </ResourceCard>
  );
}

function TipItem({ item, say }: { item: WorkList['tips'][number]; say: Said }) {
  const { t } = useTranslation();
  const review = useReviewTip();
  const kind = t(item.kind === 'review' ? 'resources.tips.review' : 'resources.tips.tip');
  return (
    <li className="card">
      <h3 className="card-title">
        {t('resources.review.tipOn', { kind, name: item.resource.name })}
      </h3>
      <p className="tip-meta">
        <Link to={`/resources/${item.resource.id}`}>{t('resources.review.openEntry', { name: item.resource.name })}</Link>
        {item.rating !== null && <Stars rating={item.rating} />}
        <span className="muted">{formatDate(item.createdAt, currentLocale())}</span>
      </p>
      <p className="tip-body">{item.body}</p>
      <Decision
        what={t('resources.review.tipWhat', { kind: kind.toLocaleLowerCase(), name: item.resource.name })}
        pending={review.isPending}
        error={review.error}
        onDecide={(body) => after(review.mutateAsync({ id: item.id, ...body }), () => say(t(`resources.review.tip_${body.decision}`, { name: item.resource.name })))}
      />
    </li>
  );
}

function StrategyItem({ item, say }: { item: WorkList['strategies'][number]; say: Said }) {
  const { t } = useTranslation();
  const review = useReviewStrategy();
  return (
    <li className="card">
      <h3 className="card-title">
        <Link to={`/resources/strategies/${item.id}`}>{item.title}</Link>
      </h3>
      <p className="muted">
        {item.whenHelps.map((w) => t(`coping.when.${w}`)).join(', ')}
        {item.programme && ` · ${item.programme}`}
      </p>
      {item.summary && <p>{item.summary}</p>}
      <ol>
        {item.steps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
      <Decision
        what={t('resources.review.strategyWhat', { title: item.title })}
        pending={review.isPending}
        error={review.error}
        onDecide={(body) => after(review.mutateAsync({ id: item.id, ...body }), () => say(t(`resources.review.strategy_${body.decision}`, { title: item.title })))}
      />
    </li>
  );
}

function ReverifyItem({ item, say }: { item: WorkList['reverify'][number]; say: Said }) {
  const { t } = useTranslation();
  const verify = useVerifyResource();
  return (
    <ResourceCard resource={item}>
      <p className="muted">{item.verifiedAt ? t('resources.entry.verifiedOn', { date: formatDate(item.verifiedAt, currentLocale()) }) : t('resources.entry.notVerified')}</p>
      <div className="actions">
        <Button pending={verify.isPending} aria-label={t('resources.review.verifiedTodayLabel', { name: item.name })} onClick={() => after(verify.mutateAsync(item.id), () => say(t('resources.review.verified', { name: item.name })))}>
          {t('resources.review.verifiedToday')}
        </Button>
        <Link className="button button--quiet" to={`/admin/resources?edit=${item.id}`}>
          {t('resources.coordinate.edit')}
        </Link>
      </div>
      {verify.isError && <Alert live tone="error" title={errorMessage(verify.error, t)} />}
    </ResourceCard>
  );
}

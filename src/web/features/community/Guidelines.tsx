import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { type Guidelines, useAcceptGuidelines, useGuidelines } from './api.ts';

/** The community guidelines as the server words them, in the reader's language. */
export function GuidelinesText({ guidelines, headingLevel = 2 }: { guidelines: Guidelines; headingLevel?: 2 | 3 | 4 }) {
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2]!;
  return (
    <div className="guidelines">
      <p className="guidelines-intro">{guidelines.intro}</p>
      <ol className="guidelines-rules">
        {guidelines.rules.map((rule) => (
          <li key={rule.key} id={`guideline-${rule.key}`}>
            <Heading className="guidelines-rule-title">{rule.title}</Heading>
            <p>{rule.text}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * Before someone's first post, the place where they would write shows the guidelines and asks them to agree
 * (recorded with the guidelines' version). Once they agree, the composer takes its place.
 */
export function GuidelinesGate({ onAccepted, intro, headingLevel = 3 }: { onAccepted: () => void; intro?: ReactNode; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const guidelines = useGuidelines();
  const accept = useAcceptGuidelines();
  const [open, setOpen] = useState(true);
  if (guidelines.isPending) return <Loading />;
  if (guidelines.isError) return <Alert tone="error" title={errorMessage(guidelines.error, t)} />;
  const g = guidelines.data;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="card guidelines-gate" aria-labelledby="guidelines-gate-title">
      <Heading id="guidelines-gate-title">{t('community.gate.title')}</Heading>
      {intro ?? <p>{t('community.gate.lead')}</p>}
      <details className="details-toggle" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{g.title}</summary>
        <GuidelinesText guidelines={g} headingLevel={headingLevel === 2 ? 3 : 4} />
      </details>
      {accept.isError && <Alert live tone="error" title={errorMessage(accept.error, t)} />}
      <div className="actions">
        {/* mutateAsync, not mutate's callbacks: this gate is gone (the composer took its place) by the time it resolves. */}
        <Button pending={accept.isPending} onClick={() => void accept.mutateAsync(g.version).then(onAccepted, () => undefined)}>
          {t('community.gate.agree')}
        </Button>
      </div>
      <p className="muted">{t('community.gate.note')}</p>
    </section>
  );
}

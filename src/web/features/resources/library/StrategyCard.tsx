import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CopingLibraryStrategy } from '../library-api.ts';
import { HelpedCount, HelpedToggle } from './HelpedToggle.tsx';
import { SaveToToolbox } from './SaveToToolbox.tsx';
import { sourceText, WhenList } from './StrategyFacts.tsx';

/**
 * A strategy in the library's list: its title (a link to its steps), what it is, when it helps and where it comes
 * from, with "This helped me" and "Save to my toolbox" for signed-in members.
 */
export function StrategyCard({ strategy, signedIn, headingLevel = 2 }: { strategy: CopingLibraryStrategy; signedIn: boolean; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  const titleId = `strategy-${strategy.id}`;
  return (
    <li className="card strategy-card">
      <Heading className="card-title" id={titleId} lang={strategy.locale}>
        <Link to={`/resources/strategies/${strategy.id}`}>{strategy.title}</Link>
      </Heading>
      {strategy.summary && <p lang={strategy.locale}>{strategy.summary}</p>}
      <WhenList when={strategy.whenHelps} />
      <p className="muted strategy-source">{sourceText(strategy, t)}</p>
      {signedIn ? (
        <div className="actions strategy-actions">
          <HelpedToggle strategy={strategy} describedBy={titleId} />
          <SaveToToolbox strategy={strategy} describedBy={titleId} />
        </div>
      ) : (
        <HelpedCount count={strategy.helpedCount} />
      )}
    </li>
  );
}

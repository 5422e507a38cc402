import { useTranslation } from 'react-i18next';
import type { Goal } from './api.ts';

/** A goal's progress in this period: words first, then a bar; a goal met is celebrated. */
export function GoalProgress({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  const { count, met } = goal.progress;
  const id = `goal-progress-${goal.id}`;
  return (
    <div className="goal-progress">
      <p id={id}>
        {t(`journey.goals.progress.${goal.period}`, { count, target: goal.target })}
        {met && (
          <>
            {' '}
            <strong className="goal-met">{t(`journey.goals.met.${goal.period}`)}</strong>
          </>
        )}
      </p>
      <progress className={met ? 'bar bar--met' : 'bar'} max={goal.target} value={Math.min(count, goal.target)} aria-labelledby={id} />
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SKIP_REASONS } from '../../../contracts/mentoring.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import {
  type IntroductionsResult,
  type MenteeRequest,
  type Proposal,
  type ProposalPair,
  useMentoringRequests,
  useProposeMatches,
  useSendIntroductions,
} from '../../features/mentoring/admin-api.ts';
import { errorMessage } from '../../lib/messages.ts';
import { MentoringAdminPage, TableScroll, useMentoringWords } from './mentoring-parts.tsx';

/** The waiting pool, and program-wide matching: propose the best assignment, review it, send the introductions. */
export function MentoringProgramPage() {
  const { t } = useTranslation();
  return (
    <MentoringAdminPage title={t('mentoringAdmin.program.title')} lead={t('mentoringAdmin.program.lead')}>
      <Waiting />
      <Propose />
    </MentoringAdminPage>
  );
}

// ── Who is waiting ──

function Waiting() {
  const { t } = useTranslation();
  const requests = useMentoringRequests();
  return (
    <section aria-labelledby="mentoring-waiting">
      <h2 id="mentoring-waiting">{t('mentoringAdmin.requests.title')}</h2>
      {requests.isPending && <Loading />}
      {requests.isError && <Alert tone="error" title={errorMessage(requests.error, t)} />}
      {requests.data && (requests.data.length === 0 ? <p>{t('mentoringAdmin.requests.none')}</p> : <RequestTable requests={requests.data} />)}
    </section>
  );
}

function RequestTable({ requests }: { requests: MenteeRequest[] }) {
  const { t } = useTranslation();
  const w = useMentoringWords();
  const waiting = requests.filter((r) => r.status === 'waiting').length;
  // Those still in the pool first, the longest wait first.
  const sorted = [...requests].sort((a, b) => Number(b.status === 'waiting') - Number(a.status === 'waiting') || a.waitingSince.localeCompare(b.waitingSince));
  return (
    <TableScroll labelledBy="requests-caption">
      <table className="data-table">
        <caption id="requests-caption">{t('mentoringAdmin.requests.caption', { count: requests.length, waiting })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mentoringAdmin.requests.name')}</th>
            <th scope="col">{t('mentoringAdmin.requests.waited')}</th>
            <th scope="col">{t('mentoringAdmin.requests.languages')}</th>
            <th scope="col">{t('mentoringAdmin.requests.pathways')}</th>
            <th scope="col">{t('mentoringAdmin.requests.stage')}</th>
            <th scope="col">{t('mentoringAdmin.requests.status')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.displayName}</th>
              <td className="nowrap">
                <time dateTime={r.waitingSince}>{w.waited(r.waitingSince)}</time>
              </td>
              <td>{w.languages(r.languages)}</td>
              <td>{w.pathways(r.pathways)}</td>
              <td>{r.stage ? t(`journey.stages.${r.stage}.name`) : t('mentoringAdmin.notSaid')}</td>
              <td>
                <span className={r.status === 'waiting' ? 'badge badge--warning' : 'badge'}>{t(`mentoringAdmin.requestStatus.${r.status}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

// ── Program-wide matching ──

interface Sent {
  result: IntroductionsResult;
  /** The proposal the pairs came from, for the names. */
  pairs: ProposalPair[];
}

function Propose() {
  const { t } = useTranslation();
  const propose = useProposeMatches();
  const [sent, setSent] = useState<Sent | null>(null);
  // A new proposal starts with every pair chosen again.
  const [round, setRound] = useState(0);
  return (
    <section aria-labelledby="mentoring-propose">
      <h2 id="mentoring-propose">{t('mentoringAdmin.proposal.title')}</h2>
      <p>{t('mentoringAdmin.proposal.lead')}</p>
      <p className="muted">
        {t('mentoringAdmin.proposal.weightsNote')} <Link to="/admin/mentoring/settings">{t('mentoringAdmin.nav.settings')}</Link>
      </p>
      <div className="actions">
        <Button
          variant={propose.data ? 'secondary' : 'primary'}
          pending={propose.isPending}
          onClick={() => {
            setSent(null);
            propose.mutate(undefined, { onSuccess: () => setRound((n) => n + 1) });
          }}
        >
          {propose.data ? t('mentoringAdmin.proposal.again') : t('mentoringAdmin.proposal.run')}
        </Button>
      </div>
      {propose.isPending && <Loading label={t('mentoringAdmin.proposal.working')} />}
      {propose.isError && <Alert live tone="error" title={errorMessage(propose.error, t)} />}
      {sent && <SentResult sent={sent} />}
      {propose.data && !sent && !propose.isPending && (
        <ProposalView
          key={round}
          proposal={propose.data}
          onSent={(result) => {
            setSent({ result, pairs: propose.data.pairs });
            propose.reset();
          }}
        />
      )}
    </section>
  );
}

function ProposalView({ proposal, onSent }: { proposal: Proposal; onSent: (result: IntroductionsResult) => void }) {
  const { t } = useTranslation();
  const w = useMentoringWords();
  const send = useSendIntroductions();
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(proposal.pairs.map((p) => p.requestId)));
  const toggle = (id: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const count = chosen.size;
  const average = proposal.pairs.length ? proposal.totalScore / proposal.pairs.length : 0;

  return (
    <>
      <dl className="totals">
        <div>
          <dt>{t('mentoringAdmin.proposal.matched')}</dt>
          <dd>{t('mentoringAdmin.proposal.matchedValue', { matched: proposal.pairs.length, waiting: proposal.waiting })}</dd>
        </div>
        <div>
          <dt>{t('mentoringAdmin.proposal.mentorsWithRoom')}</dt>
          <dd>{w.number(proposal.mentorsWithRoom, 0)}</dd>
        </div>
        <div>
          <dt>{t('mentoringAdmin.proposal.average')}</dt>
          <dd>{proposal.pairs.length ? w.percent(average) : t('mentoringAdmin.none')}</dd>
        </div>
        <div>
          <dt>{t('mentoringAdmin.proposal.solveTime')}</dt>
          <dd>{t('mentoringAdmin.proposal.ms', { ms: w.number(proposal.solveMs, proposal.solveMs < 10 ? 1 : 0) })}</dd>
        </div>
      </dl>

      {proposal.pairs.length === 0 ? (
        <p>{proposal.waiting === 0 ? t('mentoringAdmin.proposal.nobodyWaiting') : t('mentoringAdmin.proposal.noPairs')}</p>
      ) : (
        <>
          <div className="actions">
            <Button variant="quiet" onClick={() => setChosen(new Set(proposal.pairs.map((p) => p.requestId)))}>
              {t('mentoringAdmin.proposal.chooseAll')}
            </Button>
            <Button variant="quiet" onClick={() => setChosen(new Set())}>
              {t('mentoringAdmin.proposal.chooseNone')}
            </Button>
          </div>
          <TableScroll labelledBy="proposal-caption">
            <table className="data-table">
              <caption id="proposal-caption">{t('mentoringAdmin.proposal.caption', { count: proposal.pairs.length, chosen: count })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mentoringAdmin.proposal.send')}</th>
                  <th scope="col">{t('mentoringAdmin.proposal.mentee')}</th>
                  <th scope="col">{t('mentoringAdmin.proposal.mentor')}</th>
                  <th scope="col">{t('mentoringAdmin.proposal.score')}</th>
                  <th scope="col">{t('mentoringAdmin.proposal.why')}</th>
                </tr>
              </thead>
              <tbody>
                {proposal.pairs.map((p) => (
                  <tr key={p.requestId}>
                    <td className="cell-check">
                      <input
                        id={`pair-${p.requestId}`}
                        type="checkbox"
                        checked={chosen.has(p.requestId)}
                        onChange={() => toggle(p.requestId)}
                        aria-label={t('mentoringAdmin.proposal.pairLabel', { mentee: p.menteeName, mentor: p.mentorName })}
                      />
                    </td>
                    <th scope="row">{p.menteeName}</th>
                    <td>{p.mentorName}</td>
                    <td className="cell-number">{w.percent(p.score)}</td>
                    <td className="cell-wide">{w.reasons(p.reasons)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}

      {proposal.unmatched.length > 0 && (
        <>
          <h3>{t('mentoringAdmin.proposal.unmatchedTitle', { count: proposal.unmatched.length })}</h3>
          <ul className="points unmatched">
            {proposal.unmatched.map((u) => (
              <li key={u.requestId}>
                <strong>{u.menteeName}</strong>: {u.candidates === 0 ? t('mentoringAdmin.proposal.noCandidates') : t('mentoringAdmin.proposal.candidatesTaken', { count: u.candidates })}
              </li>
            ))}
          </ul>
        </>
      )}

      {proposal.pairs.length > 0 && (
        <div className="send-introductions">
          <p className="muted" id="send-hint">
            {t('mentoringAdmin.proposal.sendHint')}
          </p>
          {send.isError && <Alert live tone="error" title={errorMessage(send.error, t)} />}
          <Button
            pending={send.isPending}
            disabled={count === 0}
            aria-describedby="send-hint"
            onClick={() =>
              send.mutate({ pairs: proposal.pairs.filter((p) => chosen.has(p.requestId)).map((p) => ({ requestId: p.requestId, mentorId: p.mentorId })) }, { onSuccess: onSent })
            }
          >
            {t('mentoringAdmin.proposal.sendButton', { count })}
          </Button>
        </div>
      )}
    </>
  );
}

/** The server's reason codes for a pair it did not send (matching-service.ts and the hard constraints in matching.ts). */

function SentResult({ sent }: { sent: Sent }) {
  const { t } = useTranslation();
  const alert = useRef<HTMLDivElement>(null);
  // The table the person was working in is gone; the result takes its place, and focus with it.
  useEffect(() => alert.current?.focus(), []);
  const pairFor = (requestId: string) => sent.pairs.find((p) => p.requestId === requestId);
  const why = (code: string) => t(`mentoringAdmin.skipped.${(SKIP_REASONS as readonly string[]).includes(code) ? code : 'other'}`);
  const { sent: done, skipped } = sent.result;
  return (
    <Alert ref={alert} tone={skipped.length ? 'warning' : 'success'} title={t('mentoringAdmin.result.sent', { count: done.length })}>
      {skipped.length > 0 && (
        <>
          <p>{t('mentoringAdmin.result.skipped', { count: skipped.length })}</p>
          <ul className="points skipped-list">
            {skipped.map((s) => {
              const pair = pairFor(s.requestId);
              return (
                <li key={s.requestId}>
                  {pair ? t('mentoringAdmin.result.pair', { mentee: pair.menteeName, mentor: pair.mentorName }) : t('mentoringAdmin.result.unknownPair')}: {why(s.reason)}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p>{t('mentoringAdmin.result.next')}</p>
    </Alert>
  );
}

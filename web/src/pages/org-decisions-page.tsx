import { useEffect, useState } from 'react';
import { useDecisions, type Assumption, type Decision } from '../api/org';
import { EmptyState, ErrorNotice, Loading } from '../components/status-views';
import { OrgPage, usd } from './org-shared';

const OPTION_NAME = { upskill: 'Upskill', hire: 'Hire', freelance: 'Freelance' } as const;

/** One assumption as an input; a change recomputes every decision (after a short pause in typing). */
function AssumptionField({ a, value, onChange }: { a: Assumption; value: number; onChange: (v: number) => void }) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    const number = Number(text);
    if (text.trim() === '' || !Number.isFinite(number) || number < 0 || number === value) return;
    const timer = setTimeout(() => onChange(number), 400);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  const id = `assume-${a.key}`;
  return (
    <div className="field assumption">
      <label htmlFor={id}>
        {a.key} <span className="muted small">({a.unit})</span>
      </label>
      <input id={id} type="number" min={0} step="any" value={text} onChange={(e) => setText(e.target.value)} />
      <p className="field-hint">
        {a.value !== a.default ? `Default ${a.default}. ` : ''}
        {a.source}
      </p>
    </div>
  );
}

function DecisionCard({ d }: { d: Decision }) {
  return (
    <article className="card decision" aria-labelledby={`d-${d.team}-${d.skillId}`}>
      <h3 id={`d-${d.team}-${d.skillId}`}>
        {d.team}: {d.label} <span className="muted small">to level {d.targetLevel}</span>
      </h3>
      <p className="decision-advice">
        <span className={`tag decision-${d.recommendation.option}`}>{OPTION_NAME[d.recommendation.option]}</span>{' '}
        {d.recommendation.text}
      </p>
      <p className="small">{d.recommendation.why}</p>
      <div className="decision-options">
        {d.options.map((o) => (
          <div key={o.option} className={o.option === d.recommendation.option ? 'chosen' : undefined}>
            <p className="decision-cost">
              <strong>{OPTION_NAME[o.option]}</strong> {o.available ? usd(o.cost) : 'not available'}
              {o.available && <span className="muted small"> · {o.weeks} weeks</span>}
            </p>
            <ul className="small decision-arithmetic">
              {o.arithmetic.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      {d.breakEven && (
        <p className="break-even small">
          <strong>Break-even:</strong> {d.breakEven.text}
        </p>
      )}
    </article>
  );
}

/** Upskill, hire or freelance, per team gap: the arithmetic of each, the assumptions editable, the break-even. */
export default function OrgDecisionsPage() {
  const [assumptions, setAssumptions] = useState<Record<string, number>>({});
  const [team, setTeam] = useState('');
  const decisions = useDecisions({ ...(team ? { team } : {}), assumptions });
  const teams = [...new Set(decisions.data?.decisions.map((d) => d.team) ?? [])];
  return (
    <OrgPage
      title="Upskill, hire or freelance"
      lead="For each team’s missing skill: what each way of closing it costs and takes, and where the choice would flip."
    >
      {decisions.isPending ? (
        <Loading what="the decisions" />
      ) : decisions.isError ? (
        <ErrorNotice error={decisions.error} retry={() => void decisions.refetch()} />
      ) : (
        <div className="decisions-layout">
          <section className="card section assumptions" aria-labelledby="assume-heading">
            <h2 id="assume-heading">Assumptions</h2>
            <p className="small muted">Change any value: every figure is recomputed. Each says where it comes from.</p>
            {decisions.data.assumptions.map((a) => (
              <AssumptionField
                // A new value from the server (a reset) starts the field afresh.
                key={`${a.key}=${a.value}`}
                a={a}
                value={a.value}
                onChange={(v) => setAssumptions((current) => ({ ...current, [a.key]: v }))}
              />
            ))}
            {Object.keys(assumptions).length > 0 && (
              <button type="button" className="button small ghost" onClick={() => setAssumptions({})}>
                Back to the published defaults
              </button>
            )}
          </section>
          <section aria-labelledby="gaps-heading" aria-busy={decisions.isFetching}>
            <div className="section-header">
              <h2 id="gaps-heading">Gaps and choices</h2>
              <div className="field inline">
                <label htmlFor="decision-team">Team</label>
                <select id="decision-team" value={team} onChange={(e) => setTeam(e.target.value)}>
                  <option value="">All teams</option>
                  {(team ? [team] : teams).map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <p className="small muted">{decisions.data.note}</p>
            {decisions.data.decisions.length === 0 ? (
              <EmptyState title="No gaps to decide on">
                <p>Import a roster (or the demo company) on the Roster page first.</p>
              </EmptyState>
            ) : (
              decisions.data.decisions.map((d) => <DecisionCard key={`${d.team}/${d.skillId}`} d={d} />)
            )}
          </section>
        </div>
      )}
    </OrgPage>
  );
}

import { useState, type FormEvent } from 'react';
import {
  ORG_API,
  useAssignCohort,
  useCohort,
  useCohorts,
  usePeople,
  useReadiness,
  type CohortDashboard,
} from '../api/org';
import { useRoles } from '../api/queries';
import { EmptyState, ErrorNotice, Loading } from '../components/status-views';
import { AccessNote, hoursText, OrgPage, SideScroll } from './org-shared';

const STATUS_TEXT = {
  'not-started-yet': 'not started yet',
  'on-track': 'on track',
  behind: 'behind plan',
  finished: 'finished',
} as const;

/** The AI-augmented version of each member's own job: the default target of a cohort. */
const AUGMENTED = '';

/** Give one plan to a team, or to people chosen from it: each member gets a personal plan of their own. */
function AssignForm({ onAssigned }: { onAssigned: (id: string) => void }) {
  const teams = useReadiness('team');
  const roles = useRoles();
  const assign = useAssignCohort();
  const [name, setName] = useState('');
  const [team, setTeam] = useState('');
  const [target, setTarget] = useState(AUGMENTED);
  const [everyone, setEveryone] = useState(true);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [hours, setHours] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate(
      {
        name,
        ...(everyone ? { team } : { people: [...chosen] }),
        ...(target ? { target } : {}),
        ...(hours ? { hoursPerWeek: Number(hours) } : {}),
      },
      { onSuccess: (result) => onAssigned(result.cohort.id) },
    );
  };
  const names = teams.data?.groups.map((g) => g.name) ?? [];
  const toggle = (key: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  return (
    <section className="card section" aria-labelledby="assign-heading">
      <h2 id="assign-heading">Give a team a plan</h2>
      <p className="small muted">
        Each member gets a personal plan for the target below — by default the AI-augmented version of their own job —
        starting today, on their Your path page; the cohort measures them against the plan as assigned.
      </p>
      <form className="form org-assign" onSubmit={submit}>
        <div className="field">
          <label htmlFor="cohort-name">Cohort name</label>
          <input
            id="cohort-name"
            type="text"
            required
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="cohort-team">Team</label>
          <select
            id="cohort-team"
            required
            value={team}
            onChange={(e) => {
              setTeam(e.target.value);
              setChosen(new Set());
            }}
          >
            <option value="">Choose a team</option>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cohort-target">Target</label>
          <select id="cohort-target" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value={AUGMENTED}>Their own job, AI-augmented</option>
            {(roles.data ?? []).map((role) => (
              <option key={role.id} value={role.id}>
                {role.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cohort-hours">Hours a week</label>
          <input
            id="cohort-hours"
            type="number"
            min={1}
            max={40}
            inputMode="numeric"
            placeholder="each person’s own"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
          />
        </div>
        {team && (
          <fieldset className="field org-choose">
            <legend>Who</legend>
            <label>
              <input type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} /> Everyone in{' '}
              {team}
            </label>
            {!everyone && <TeamChoice team={team} chosen={chosen} onToggle={toggle} />}
          </fieldset>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={assign.isPending || (!everyone && chosen.size === 0)}>
            {assign.isPending ? 'Planning…' : 'Assign plans'}
          </button>
        </div>
      </form>
      {assign.isError && <ErrorNotice error={assign.error} />}
      {assign.data && (
        <p className="notice" role="status">
          {assign.data.members.length} personal plans made for “{assign.data.cohort.name}”
          {assign.data.skipped.length > 0 &&
            `; ${assign.data.skipped.length} skipped (${assign.data.skipped[0]!.reason})`}
          .
        </p>
      )}
    </section>
  );
}

/** The team's people the viewer may see, one checkbox each; the others are counted. */
function TeamChoice({
  team,
  chosen,
  onToggle,
}: {
  team: string;
  chosen: ReadonlySet<string>;
  onToggle: (personKey: string, on: boolean) => void;
}) {
  const people = usePeople('team', team);
  if (people.isPending) return <Loading what="the team" />;
  if (people.isError) return <ErrorNotice error={people.error} />;
  return (
    <>
      <ul className="org-choice">
        {people.data.people.map((p) => (
          <li key={p.personKey}>
            <label>
              <input
                type="checkbox"
                checked={chosen.has(p.personKey)}
                onChange={(e) => onToggle(p.personKey, e.target.checked)}
              />{' '}
              {p.name ?? p.personKey} <span className="muted small">{p.title}</span>
            </label>
          </li>
        ))}
      </ul>
      <p className="small muted">
        {chosen.size} chosen
        {people.data.hidden > 0 ? `; ${people.data.hidden} more you may not see person by person` : ''}.
      </p>
    </>
  );
}

/** Cumulative planned against done hours per week, one small bar pair per week (text beside it says the same). */
function TeamWeeks({ weeks }: { weeks: CohortDashboard['progress']['weeks'] }) {
  const teams = [...new Set(weeks.map((w) => w.team))];
  return (
    <SideScroll label="Hours by team and week">
      <table className="cohort-weeks">
        <caption className="visually-hidden">Hours by team and week</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Week</th>
            <th scope="col">Planned</th>
            <th scope="col">Done</th>
            <th scope="col">Spent</th>
            <th scope="col">Done of planned, to date</th>
          </tr>
        </thead>
        <tbody>
          {teams.flatMap((team) =>
            weeks
              .filter((w) => w.team === team)
              .map((w) => {
                const share = w.cumulativePlannedHours > 0 ? w.cumulativeDoneHours / w.cumulativePlannedHours : 1;
                return (
                  <tr key={`${team}/${w.week}`}>
                    <th scope="row">{team}</th>
                    <td>
                      {w.week} <span className="muted small">({w.start})</span>
                    </td>
                    <td>{hoursText(w.plannedHours)}</td>
                    <td>{hoursText(w.doneHours)}</td>
                    <td>{hoursText(w.spentHours)}</td>
                    <td>
                      <span className="cohort-bar" aria-hidden="true">
                        <span style={{ width: `${Math.min(100, Math.round(share * 100))}%` }} />
                      </span>{' '}
                      {hoursText(w.cumulativeDoneHours)} of {hoursText(w.cumulativePlannedHours)}
                    </td>
                  </tr>
                );
              }),
          )}
        </tbody>
      </table>
    </SideScroll>
  );
}

function Dashboard({ id }: { id: string }) {
  const [asOf, setAsOf] = useState('');
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined;
  const dashboard = useCohort(id, valid);
  if (dashboard.isPending) return <Loading what="the cohort" />;
  if (dashboard.isError) return <ErrorNotice error={dashboard.error} retry={() => void dashboard.refetch()} />;
  const { cohort, progress, hiddenMembers, definitions } = dashboard.data;
  const t = progress.totals;
  return (
    <section className="card section" aria-labelledby="cohort-heading">
      <div className="section-header">
        <h2 id="cohort-heading">
          {cohort.name} <span className="muted small">week {progress.week}</span>
        </h2>
        <a className="button small secondary" href={ORG_API.cohortCsv(cohort.id, valid)} download>
          Download CSV
        </a>
      </div>
      <div className="field inline">
        <label htmlFor="cohort-as-of">Measured on</label>
        <input id="cohort-as-of" type="date" value={asOf || progress.asOf} onChange={(e) => setAsOf(e.target.value)} />
        <span className="small muted">
          {valid && valid > new Date().toISOString().slice(0, 10)
            ? 'a later day: where everyone would stand if nothing more is recorded'
            : 'today by default; an earlier day shows where they stood then'}
        </span>
      </div>
      <div className="facts org-facts">
        <p>
          <span className="big-number">{t.behind}</span> of {t.members} behind plan
        </p>
        <p>
          <span className="big-number">{hoursText(t.doneHours)}</span> done of {hoursText(t.plannedToDateHours)} planned
          to date
        </p>
        <p>
          <span className="big-number">{hoursText(t.spentHours)}</span> spent (recorded by the members)
        </p>
      </div>
      {hiddenMembers > 0 && (
        <AccessNote text={`${hiddenMembers} other members are not your reports: they are counted here, not shown.`} />
      )}
      <h3>Who is behind plan</h3>
      <SideScroll label="Members of the cohort">
        <table>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Team</th>
              <th scope="col">Status</th>
              <th scope="col">Planned to date</th>
              <th scope="col">Done</th>
              <th scope="col">Spent</th>
              <th scope="col">Behind by</th>
            </tr>
          </thead>
          <tbody>
            {progress.members.map((m) => (
              <tr key={m.personKey}>
                <th scope="row">{m.name}</th>
                <td>{m.team ?? '—'}</td>
                <td>
                  <span className={`tag cohort-${m.status}`}>{STATUS_TEXT[m.status]}</span>
                </td>
                <td>{hoursText(m.plannedToDateHours)}</td>
                <td>{hoursText(m.doneHours)}</td>
                <td>{hoursText(m.spentHours)}</td>
                <td>{m.behindHours > 0 ? hoursText(m.behindHours) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </SideScroll>
      <h3>By team and week</h3>
      <TeamWeeks weeks={progress.weeks} />
      <dl className="org-definitions small">
        {Object.entries(definitions).map(([word, meaning]) => (
          <div key={word}>
            <dt>{word}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Cohort plans: assign a plan to a team; the dashboard of progress by team and week, who is behind, hours. */
export default function OrgCohortsPage() {
  const cohorts = useCohorts();
  const [chosen, setChosen] = useState<string>();
  const id = chosen ?? cohorts.data?.[0]?.id;
  return (
    <OrgPage title="Cohorts" lead="One plan for a group; everyone gets their own, and you see who keeps up.">
      <AssignForm onAssigned={setChosen} />
      {cohorts.isPending ? (
        <Loading what="the cohorts" />
      ) : cohorts.isError ? (
        <ErrorNotice error={cohorts.error} />
      ) : cohorts.data.length === 0 ? (
        <EmptyState title="No cohorts yet">
          <p>Give a team a plan above; its progress appears here.</p>
        </EmptyState>
      ) : (
        <>
          <div className="field narrow">
            <label htmlFor="cohort-pick">Cohort</label>
            <select id="cohort-pick" value={id} onChange={(e) => setChosen(e.target.value)}>
              {cohorts.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.members} people, from {c.startDate})
                </option>
              ))}
            </select>
          </div>
          {id && <Dashboard id={id} />}
        </>
      )}
    </OrgPage>
  );
}

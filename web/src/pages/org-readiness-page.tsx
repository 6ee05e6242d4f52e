import { useRef, useState, type KeyboardEvent } from 'react';
import { ORG_API, usePeople, usePerson, useReadiness, type GroupBy, type Readiness } from '../api/org';
import { EmptyState, ErrorNotice, Loading } from '../components/status-views';
import { AccessNote, CividisLegend, cividis, hoursText, OrgPage, percent, SideScroll } from './org-shared';
import { Link } from 'wouter';
import { ApiError } from '../api/client';

const GROUPINGS: { by: GroupBy; label: string }[] = [
  { by: 'team', label: 'Team' },
  { by: 'department', label: 'Department' },
  { by: 'level', label: 'Level' },
];

/**
 * Groups × skills, one cell per pair with its value printed on a cividis step. A grid in the ARIA
 * sense: one cell is in the tab order, the arrow keys (and Home, End) move between cells, and Enter on
 * a group's name opens its people.
 */
function HeatMap({ data, onOpen }: { data: Readiness; onOpen: (group: string) => void }) {
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const table = useRef<HTMLTableElement>(null);
  const rows = data.heatMap.rows;
  const columns = data.heatMap.skills.length + 1;
  const focus = (row: number, column: number) => {
    const r = Math.max(0, Math.min(rows.length - 1, row));
    const c = Math.max(0, Math.min(columns - 1, column));
    setActive([r, c]);
    table.current?.querySelector<HTMLElement>(`[data-cell="${r}-${c}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const [r, c] = active;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c],
      ArrowDown: [r + 1, c],
      ArrowLeft: [r, c - 1],
      ArrowRight: [r, c + 1],
      Home: [r, 0],
      End: [r, columns - 1],
    };
    const to = moves[event.key];
    if (to) {
      event.preventDefault();
      focus(...to);
    } else if ((event.key === 'Enter' || event.key === ' ') && c === 0) {
      event.preventDefault();
      onOpen(rows[r]!.group);
    }
  };
  const tab = (r: number, c: number) => (active[0] === r && active[1] === c ? 0 : -1);
  return (
    <SideScroll label="Readiness heat map">
      <table className="heat-map" role="grid" ref={table} onKeyDown={onKeyDown} aria-labelledby="heat-heading">
        <thead>
          <tr>
            <th scope="col">{data.by}</th>
            {data.heatMap.skills.map((s) => (
              <th key={s.skillId} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.group}>
              <th scope="row" role="rowheader">
                <button
                  type="button"
                  className="link-button"
                  data-cell={`${r}-0`}
                  tabIndex={tab(r, 0)}
                  onFocus={() => setActive([r, 0])}
                  onClick={() => onOpen(row.group)}
                >
                  {row.group}
                </button>
              </th>
              {row.cells.map((cell, i) => {
                const colour = cividis(cell.value);
                const label = data.heatMap.skills[i]!.label;
                return (
                  <td
                    key={cell.skillId}
                    role="gridcell"
                    data-cell={`${r}-${i + 1}`}
                    tabIndex={tab(r, i + 1)}
                    onFocus={() => setActive([r, i + 1])}
                    style={colour ? { background: colour.bg, color: colour.ink } : undefined}
                    className={colour ? undefined : 'heat-empty'}
                  >
                    <span className="heat-value">
                      <span aria-hidden="true">{cell.value === null ? '—' : Math.round(cell.value)}</span>
                      <span className="visually-hidden">
                        {row.group}, {label}:{' '}
                        {cell.value === null
                          ? cell.people === 0
                            ? 'nobody’s target needs it'
                            : 'withheld (a small group)'
                          : `${Math.round(cell.value)} of 100`}
                        , {cell.people} people
                      </span>
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </SideScroll>
  );
}

/** The people of one group the viewer may see, and one person's detail when opened. */
function GroupPeople({ by, group }: { by: GroupBy; group: string }) {
  const people = usePeople(by, group);
  const [open, setOpen] = useState<string>();
  const person = usePerson(open);
  return (
    <section className="card section" aria-labelledby="group-heading">
      <h2 id="group-heading">
        People in {by} {group}
      </h2>
      {people.isPending ? (
        <Loading what="the people" />
      ) : people.isError ? (
        <ErrorNotice error={people.error} />
      ) : (
        <>
          <AccessNote text={people.data.access} />
          {people.data.hidden > 0 && (
            <p className="muted">
              {people.data.hidden} of {people.data.total} people are counted but not named for you.
            </p>
          )}
          {people.data.people.length > 0 && (
            <ul className="org-people">
              {people.data.people.map((p) => (
                <li key={p.personKey}>
                  <button type="button" className="link-button" onClick={() => setOpen(p.personKey)}>
                    {p.name ?? p.personKey}
                  </button>{' '}
                  <span className="muted small">
                    {p.title}
                    {p.fictional ? ' · fictional (demo)' : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {open && person.isPending && <Loading what="the person" />}
          {person.isError && <ErrorNotice error={person.error} />}
          {person.data && (
            <div className="org-person" aria-live="polite">
              <h3>
                {person.data.person.name ?? person.data.person.personKey}: readiness {Math.round(person.data.readiness)}{' '}
                for {person.data.target.name}
              </h3>
              <p className="small muted">{person.data.formula}</p>
              <p>
                Work exposed: {percent(person.data.exposure)} · to close the gaps: {hoursText(person.data.hours)}, about{' '}
                {person.data.weeks} weeks at their learning hours.
              </p>
              {person.data.gaps.length > 0 && (
                <ul>
                  {person.data.gaps.map((g) => (
                    <li key={g.skillId}>
                      {g.label}: level {g.currentLevel} → {g.targetLevel} ({hoursText(g.hours)})
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}

function NoRoster() {
  return (
    <EmptyState title="No roster yet">
      <p>
        <Link href="/org/roster">Import a roster</Link> or load the fictional demo company there.
      </p>
    </EmptyState>
  );
}

/** Readiness by team, department or level: the heat map, the most-missing skills and single points of failure. */
export default function OrgReadinessPage() {
  const [by, setBy] = useState<GroupBy>('team');
  const [group, setGroup] = useState<string>();
  const readiness = useReadiness(by);
  return (
    <OrgPage
      title="Readiness"
      lead="How ready each group is for the AI-augmented version of its work, skill by skill, and what is missing."
    >
      <fieldset className="segmented">
        <legend className="visually-hidden">Group people by</legend>
        {GROUPINGS.map((g) => (
          <label key={g.by} className={g.by === by ? 'checked' : undefined}>
            <input
              type="radio"
              name="group-by"
              value={g.by}
              checked={g.by === by}
              onChange={() => {
                setBy(g.by);
                setGroup(undefined);
              }}
            />{' '}
            {g.label}
          </label>
        ))}
      </fieldset>
      {readiness.isPending ? (
        <Loading what="readiness" />
      ) : readiness.error instanceof ApiError && readiness.error.code === 'NOT_FOUND' ? (
        <NoRoster />
      ) : readiness.isError ? (
        <ErrorNotice error={readiness.error} retry={() => void readiness.refetch()} />
      ) : readiness.data.people === 0 ? (
        <NoRoster />
      ) : (
        <>
          <div className="facts org-facts">
            <p>
              <span className="big-number">{Math.round(readiness.data.readiness)}</span> readiness of{' '}
              {readiness.data.people} people (0–100)
            </p>
            <p>
              <span className="big-number">{percent(readiness.data.exposedShare)}</span> of their work exposed to
              generative AI
            </p>
          </div>
          <p className="small muted">{readiness.data.formula}</p>
          <AccessNote text={readiness.data.access} />
          <section className="card section" aria-labelledby="heat-heading">
            <div className="section-header">
              <h2 id="heat-heading">Readiness by {by} and skill</h2>
              <p className="row-actions">
                <a className="button small secondary" href={ORG_API.readinessExport(by, 'csv')} download>
                  Download CSV
                </a>{' '}
                <a className="button small secondary" href={ORG_API.readinessExport(by, 'xlsx')} download>
                  Download XLSX
                </a>
              </p>
            </div>
            <p className="small muted">
              Each cell: 100 × how far the group’s people are to the level their target needs (a dash: nobody’s target
              needs the skill, or a small group you may not see person by person). Arrow keys move between cells; Enter
              on a {by} opens its people.
            </p>
            <CividisLegend />
            <HeatMap data={readiness.data} onOpen={setGroup} />
          </section>
          {group && <GroupPeople key={`${by}/${group}`} by={by} group={group} />}
          <section className="card section" aria-labelledby="groups-heading">
            <h2 id="groups-heading">Most-missing skills</h2>
            <SideScroll label="Most-missing skills by group">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{by}</th>
                    <th scope="col">People</th>
                    <th scope="col">Readiness</th>
                    <th scope="col">Near target</th>
                    <th scope="col">Missing most</th>
                  </tr>
                </thead>
                <tbody>
                  {readiness.data.groups.map((g) => (
                    <tr key={g.name}>
                      <th scope="row">{g.name}</th>
                      <td>{g.people}</td>
                      <td>{g.withheld || g.readiness === null ? 'withheld' : Math.round(g.readiness)}</td>
                      <td>{g.nearTarget ?? '—'}</td>
                      <td>
                        {g.missingSkills
                          .slice(0, 3)
                          .map((m) => `${m.label} (${m.people})`)
                          .join(', ') || '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </SideScroll>
          </section>
          <section className="card section" aria-labelledby="spof-heading">
            <h2 id="spof-heading">Single points of failure</h2>
            <p className="small muted">Skills only one person of the group holds at “can use” or above.</p>
            {readiness.data.singlePointsOfFailure.length === 0 ? (
              <p>None: every skill held is held by at least two people.</p>
            ) : (
              <ul className="org-spof">
                {readiness.data.singlePointsOfFailure.slice(0, 30).map((s) => (
                  <li key={`${s.group}/${s.skillId}`}>
                    <strong>{s.label}</strong> in {s.group}:{' '}
                    {s.holder ? `${s.holder.name ?? s.holder.personKey} (level ${s.holder.level})` : 'one person'}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <p className="small muted">Sources: {readiness.data.sources.join('; ')}</p>
        </>
      )}
    </OrgPage>
  );
}

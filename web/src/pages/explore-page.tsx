import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { useOccupation, useSkills, useTitleSearch } from '../api/queries';
import type { OccupationView, Skill } from '../api/types';
import { isExposed } from '../components/exposure-badge';
import { OccupationPicker } from '../components/occupation-picker';
import { Page } from '../components/page';
import { SideScroll } from '../components/side-scroll';
import { PrerequisiteGraph } from '../components/prerequisite-graph';
import { searchSkills, SkillSearch } from '../components/skill-search';
import { EmptyState, ErrorNotice, Loading } from '../components/status-views';
import { formatHours, LEVEL_NAMES } from '../format';

const number = new Intl.NumberFormat('en-US');

/** Explore keeps its state in the address (?a=&b=&skill=), so a comparison can be bookmarked or shared. */
function useExploreState() {
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const set = (key: 'a' | 'b' | 'skill', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    navigate(`/explore?${next.toString()}`, { replace: true });
  };
  return {
    a: params.get('a') ?? undefined,
    b: params.get('b') ?? undefined,
    skill: params.get('skill') ?? undefined,
    set,
  };
}

export default function ExplorePage() {
  const state = useExploreState();
  return (
    <Page
      title="Explore"
      lead="Look up any occupation or skill, put two occupations side by side, and see what to learn before a skill."
    >
      <SearchEverything
        onCompare={(code) => state.set(state.a ? 'b' : 'a', code)}
        onSkill={(id) => state.set('skill', id)}
      />
      <Compare a={state.a} b={state.b} onPick={(side, code) => state.set(side, code)} />
      <Prerequisites skillId={state.skill} onSelect={(id) => state.set('skill', id)} />
    </Page>
  );
}

function SearchEverything({
  onCompare,
  onSkill,
}: {
  onCompare: (code: string) => void;
  onSkill: (id: string) => void;
}) {
  const [query, setQuery] = useState('');
  const q = query.trim();
  const titles = useTitleSearch(q, 8);
  const skills = useSkills();
  const skillHits = skills.data ? searchSkills(skills.data, q) : [];
  const occupations = q && titles.data?.query === q ? titles.data.matches : [];
  return (
    <section className="card section" aria-labelledby="search-heading">
      <h2 id="search-heading">Search occupations and skills</h2>
      <div className="field">
        <label htmlFor="explore-search">Title or skill</label>
        <input
          id="explore-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="e.g. paralegal, data analyst, embeddings"
        />
      </div>
      {q && (
        <div className="two-col" aria-live="polite">
          <div>
            <h3>Occupations</h3>
            {titles.isError ? (
              <ErrorNotice error={titles.error} retry={() => void titles.refetch()} />
            ) : titles.isFetching && occupations.length === 0 ? (
              <Loading what="occupations" />
            ) : occupations.length === 0 ? (
              <p className="muted">No occupation matches.</p>
            ) : (
              <ul className="result-list">
                {occupations.map((m) => (
                  <li key={m.code}>
                    <Link href={`/job?code=${m.code}`}>{m.title}</Link> <span className="muted small">{m.code}</span>
                    <button type="button" className="link-button small" onClick={() => onCompare(m.code)}>
                      compare<span className="visually-hidden"> {m.title}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h3>Skills</h3>
            {skillHits.length === 0 ? (
              <p className="muted">No skill matches.</p>
            ) : (
              <ul className="result-list">
                {skillHits.map((s) => (
                  <li key={s.id}>
                    <button type="button" className="link-button" onClick={() => onSkill(s.id)}>
                      {s.name}
                    </button>{' '}
                    <span className="muted small">{s.categoryName}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function Compare({
  a,
  b,
  onPick,
}: {
  a: string | undefined;
  b: string | undefined;
  onPick: (side: 'a' | 'b', code: string) => void;
}) {
  // Until the visitor types, each box shows the occupation the address names.
  const [textA, setTextA] = useState<string | null>(null);
  const [textB, setTextB] = useState<string | null>(null);
  const left = useOccupation(a);
  const right = useOccupation(b);
  return (
    <section className="card section" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare two occupations</h2>
      <div className="two-col">
        <OccupationPicker
          label="First occupation"
          value={textA ?? left.data?.title ?? ''}
          onValueChange={setTextA}
          onSelect={(m) => {
            setTextA(m.title);
            onPick('a', m.code);
          }}
        />
        <OccupationPicker
          label="Second occupation"
          value={textB ?? right.data?.title ?? ''}
          onValueChange={setTextB}
          onSelect={(m) => {
            setTextB(m.title);
            onPick('b', m.code);
          }}
        />
      </div>
      {!a || !b ? (
        <EmptyState title="Pick two occupations to see them side by side." />
      ) : left.isPending || right.isPending ? (
        <Loading what="both occupations" />
      ) : left.isError || right.isError ? (
        <ErrorNotice error={left.error ?? right.error} />
      ) : (
        <ComparisonTable left={left.data} right={right.data} />
      )}
    </section>
  );
}

function ComparisonTable({ left, right }: { left: OccupationView; right: OccupationView }) {
  const pct = (v: number | undefined) => (v === undefined ? '—' : `${Math.round(v * 100)}%`);
  const exposed = (o: OccupationView) => o.tasks.filter(isExposed);
  const rows: [string, (o: OccupationView) => string][] = [
    ['Exposed share, GPT-4 (β)', (o) => pct(o.exposure.gpt4?.beta)],
    ['Exposed share, human raters (β)', (o) => pct(o.exposure.human?.beta)],
    [
      'More exposed than (GPT-4)',
      (o) => (o.exposure.gpt4 ? `${Math.round(o.exposure.gpt4.percentile.beta)}% of occupations` : '—'),
    ],
    ['Time AI could save', (o) => `${formatHours(o.hoursSaved.hoursPerWeek)} a week`],
    ['Tasks AI can help with', (o) => `${exposed(o).length} of ${o.tasks.length}`],
    ['Preparation', (o) => (o.jobZone ? (o.jobZone.name ?? `Job zone ${o.jobZone.value}`) : '—')],
    ['Employed in the US', (o) => (o.employment?.employment != null ? number.format(o.employment.employment) : '—')],
    [
      'Median wage',
      (o) => (o.employment?.medianAnnualWage != null ? `$${number.format(o.employment.medianAnnualWage)}` : '—'),
    ],
  ];
  return (
    <SideScroll label={`${left.title} and ${right.title} side by side`}>
      <table className="compare">
        <caption className="visually-hidden">
          {left.title} compared with {right.title}
        </caption>
        <thead>
          <tr>
            <td />
            <th scope="col">
              <Link href={`/job?code=${left.code}`}>{left.title}</Link>
            </th>
            <th scope="col">
              <Link href={`/job?code=${right.code}`}>{right.title}</Link>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value(left)}</td>
              <td>{value(right)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Most exposed tasks</th>
            {[left, right].map((o) => (
              <td key={o.code}>
                <ul className="compact">
                  {exposed(o)
                    .filter((t) => t.taskType === 'Core')
                    .slice(0, 4)
                    .map((t) => (
                      <li key={t.taskId}>{t.statement}</li>
                    ))}
                </ul>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </SideScroll>
  );
}

function Prerequisites({ skillId, onSelect }: { skillId: string | undefined; onSelect: (id: string) => void }) {
  const skills = useSkills();
  const skill: Skill | undefined = skills.data?.find((s) => s.id === skillId);
  return (
    <section className="card section" aria-labelledby="graph-heading">
      <h2 id="graph-heading">What to learn before a skill</h2>
      {skills.isPending ? (
        <Loading what="the skills graph" />
      ) : skills.isError ? (
        <ErrorNotice error={skills.error} retry={() => void skills.refetch()} />
      ) : (
        <>
          <SkillSearch skills={skills.data} label="Skill" keepText onSelect={(s) => onSelect(s.id)} />
          {!skill ? (
            <EmptyState
              title={skillId ? `There is no skill “${skillId}”.` : 'Pick a skill to see its prerequisites.'}
            />
          ) : (
            <>
              <h3>{skill.name}</h3>
              <p>{skill.description}</p>
              <PrerequisiteGraph skills={skills.data} skillId={skill.id} onSelect={onSelect} />
              <table className="levels">
                <caption>Levels of {skill.name} and the hours to reach each</caption>
                <tbody>
                  {skill.levels.map((text, i) => (
                    <tr key={i}>
                      <th scope="row">{LEVEL_NAMES[i + 1]}</th>
                      <td>{text}</td>
                      <td className="num">{skill.hours[i]} h</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </section>
  );
}

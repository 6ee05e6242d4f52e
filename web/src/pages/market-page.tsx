import { Link, useLocation, useSearch } from 'wouter';
import { useState } from 'react';
import {
  useMarketEmerging,
  useMarketTitles,
  useMarketTop,
  useMarketTrend,
  useTermTrend,
  type MarketFilter,
  type MarketTop,
} from '../api/market';
import { useRoles } from '../api/queries';
import { InsightsSection } from '../components/insights-section';
import { OccupationPicker } from '../components/occupation-picker';
import { Page } from '../components/page';
import { ShareChart } from '../components/share-chart';
import { PostingsUpload } from '../components/postings-upload';
import { PublicSamples, SamplesLoaded } from '../components/public-samples';
import { useLoadSamples } from '../api/postings';
import { EmptyState, ErrorNotice, Loading } from '../components/status-views';

const pct = (value: number) => `${(value * 100).toFixed(value < 0.1 ? 1 : 0)} %`;

// Occupation families as the API names them (src/domain/planning/occupation-family.ts).
const FAMILIES: [string, string][] = [
  ['software', 'Software and IT'],
  ['science-research', 'Science, engineering and research'],
  ['sales-marketing', 'Sales and marketing'],
  ['design-media', 'Design and media'],
  ['accounting-finance', 'Accounting and finance'],
  ['management', 'Management'],
  ['health-care', 'Health care and nursing'],
  ['customer-service', 'Customer service'],
  ['hr', 'Human resources'],
  ['legal', 'Legal'],
  ['teaching', 'Teaching and education'],
  ['office-admin', 'Office and administration'],
  ['logistics-driving', 'Logistics and driving'],
  ['construction-trades', 'Construction and trades'],
  ['manufacturing', 'Manufacturing and production'],
  ['hospitality', 'Hospitality and food service'],
  ['public-service', 'Public service, safety and social work'],
  ['real-estate', 'Real estate'],
  ['insurance', 'Insurance'],
  ['journalism-writing', 'Journalism and writing'],
];

/** The page's state lives in the address (?period=&family=&occupation=), so a view can be shared. */
function useMarketState(): {
  filter: MarketFilter;
  set: (key: string, value: string | undefined) => void;
  path: string;
} {
  const params = new URLSearchParams(useSearch());
  const [location, navigate] = useLocation();
  const period = params.get('period');
  const filter: MarketFilter = {
    period: period === 'month' || period === 'half' ? period : 'quarter',
    ...(params.get('family') ? { family: params.get('family')! } : {}),
    ...(params.get('occupation') ? { occupation: params.get('occupation')! } : {}),
  };
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    navigate(`${location}?${next.toString()}`, { replace: true });
  };
  return { filter, set, path: location };
}

export default function MarketPage() {
  const [location] = useLocation();
  return location.startsWith('/market/skill') ? <SkillMarket /> : <MarketOverview />;
}

function Filters({ filter, set }: { filter: MarketFilter; set: (key: string, value: string | undefined) => void }) {
  const [title, setTitle] = useState('');
  return (
    <section className="card section market-filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading">Which postings</h2>
      <div className="filter-row">
        <div className="field">
          <label htmlFor="market-period">Group by</label>
          <select id="market-period" value={filter.period} onChange={(e) => set('period', e.target.value)}>
            <option value="month">Month</option>
            <option value="quarter">Quarter</option>
            <option value="half">Half-year</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="market-family">Occupation family</label>
          <select
            id="market-family"
            value={filter.family ?? ''}
            onChange={(e) => set('family', e.target.value || undefined)}
          >
            <option value="">All families</option>
            {FAMILIES.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <OccupationPicker
            label="Occupation"
            value={title}
            onValueChange={setTitle}
            onSelect={(match) => {
              setTitle(match.title);
              set('occupation', match.code);
            }}
            hint={
              filter.occupation ? `Showing ${filter.occupation} only.` : 'Type a job title to narrow to one occupation.'
            }
          />
          {filter.occupation && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setTitle('');
                set('occupation', undefined);
              }}
            >
              Show all occupations
            </button>
          )}
        </div>
      </div>
    </section>
  );
}

function MarketOverview() {
  const { filter, set } = useMarketState();
  const skills = useMarketTop('skills', filter);
  const samples = useLoadSamples();
  return (
    <Page
      title="Market demand"
      lead={
        'Which skills and tools job postings ask for, how that changes, and what is emerging — counted over the ' +
        'postings loaded here, a sample of part of the market.'
      }
    >
      <Filters filter={filter} set={set} />
      {samples.data && <SamplesLoaded report={samples.data} />}
      {skills.isPending ? (
        <Loading what="postings" />
      ) : skills.isError ? (
        <ErrorNotice error={skills.error} retry={() => void skills.refetch()} />
      ) : skills.data.sample.postings === 0 ? (
        <EmptyState title="No job postings match">
          <p>
            Import postings with <code>upskill postings import &lt;file or folder&gt;</code> (CSV, TSV, JSON Lines or
            JSON, also <code>.gz</code>) — for example the public samples beside Upskill:{' '}
            <code>upskill postings import ../shared/data/hn-whos-hiring/roles.csv</code> and{' '}
            <code>upskill postings import-counts ../shared/data/hn-hiringtrends/monthly_terms.csv</code> — load a file
            below, or widen the filter.
          </p>
          {!filter.family && !filter.occupation && <PublicSamples load={samples} />}
        </EmptyState>
      ) : (
        <>
          <p className="notice">{skills.data.sample.note}</p>
          <div className="two-col section">
            <TopTable top={skills.data} what="Skills" />
            <TopSection what="tools" label="Tools" filter={filter} />
          </div>
          <div className="two-col section">
            <TopSection what="titles" label="Job titles" filter={filter} />
            <TopSection what="occupations" label="Occupations" filter={filter} />
          </div>
          <AiTitles filter={filter} />
          <Emerging filter={filter} />
        </>
      )}
      {skills.data?.sample.postings === 0 && <PostingsUpload />}
      <TermSeries period={filter.period} />
      <InsightsSection reader={filter.occupation ? { occupation: filter.occupation } : {}} limit={4} />
      {!!skills.data?.sample.postings && <PostingsUpload />}
    </Page>
  );
}

function TopSection({
  what,
  label,
  filter,
}: {
  what: 'tools' | 'titles' | 'occupations';
  label: string;
  filter: MarketFilter;
}) {
  const top = useMarketTop(what, filter);
  if (top.isPending) return <Loading what={label.toLowerCase()} />;
  if (top.isError) return <ErrorNotice error={top.error} retry={() => void top.refetch()} />;
  return <TopTable top={top.data} what={label} />;
}

/** The latest period's top list as a table: rank, name, postings asking, share with its interval. */
function TopTable({ top, what }: { top: MarketTop; what: string }) {
  const latest = top.periods.at(-1);
  const headingId = `top-${what.replace(/\W+/g, '-').toLowerCase()}`;
  const linked = top.what === 'skills' || top.what === 'tools';
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{what}</h2>
      {!latest || latest.items.length === 0 ? (
        <p className="muted">None in these postings.</p>
      ) : (
        <div className="table-scroll">
          <table className="top-table">
            <caption>
              {latest.period}: most asked of {latest.postings} postings
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{what}</th>
                <th scope="col">Postings</th>
                <th scope="col">Share (95 % interval)</th>
              </tr>
            </thead>
            <tbody>
              {latest.items.map((item) => (
                <tr key={item.key}>
                  <td>{item.rank}</td>
                  <td>
                    {linked ? (
                      <Link href={`/market/skill?id=${encodeURIComponent(item.key)}`}>{item.label}</Link>
                    ) : top.what === 'occupations' ? (
                      <Link href={`/job?code=${item.key}`}>{item.label}</Link>
                    ) : (
                      item.label
                    )}
                  </td>
                  <td>{item.count}</td>
                  <td>
                    {pct(item.share)}{' '}
                    <span className="muted small">
                      ({pct(item.low)}–{pct(item.high)})
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AiTitles({ filter }: { filter: MarketFilter }) {
  const titles = useMarketTitles(filter);
  return (
    <section className="card section" aria-labelledby="ai-titles-heading">
      <h2 id="ai-titles-heading">Postings whose title names AI, ML or LLM</h2>
      {titles.isPending ? (
        <Loading what="titles" />
      ) : titles.isError ? (
        <ErrorNotice error={titles.error} retry={() => void titles.refetch()} />
      ) : (
        <ShareChart
          points={titles.data.points}
          title="Share of postings with AI, ML or LLM in the title"
          what="postings whose title names AI, ML or LLM"
          source={`Source: ${titles.data.sample.note}`}
        />
      )}
    </section>
  );
}

// Terms of the Hacker News "Who is hiring?" series worth following for AI work.
const SERIES_TERMS = ['AI', 'Machine Learning', 'LLM', 'GPT', 'OpenAI', 'PyTorch', 'Data Science', 'NLP'];

/** The hn-hiringtrends series, when imported: the share of posts naming a term, as a chart with intervals. */
function TermSeries({ period }: { period: MarketFilter['period'] }) {
  const [term, setTerm] = useState('AI');
  const series = useTermTrend('hn-hiringtrends', term, period);
  if (series.isError && term === 'AI') return null; // not imported here: nothing to show
  return (
    <section className="card section" aria-labelledby="series-heading">
      <h2 id="series-heading">Hacker News “Who is hiring?” posts naming a term</h2>
      <div className="field">
        <label htmlFor="series-term">Term</label>
        <select id="series-term" value={term} onChange={(e) => setTerm(e.target.value)}>
          {SERIES_TERMS.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </div>
      {series.isPending ? (
        <Loading what="the series" />
      ) : series.isError ? (
        <ErrorNotice error={series.error} retry={() => void series.refetch()} />
      ) : (
        <ShareChart
          points={series.data.points}
          title={`Share of posts naming “${term}”`}
          what={`posts naming “${term}”`}
          source={`Source: hn-hiringtrends. ${series.data.note}`}
        />
      )}
    </section>
  );
}

function Emerging({ filter }: { filter: MarketFilter }) {
  const emerging = useMarketEmerging(filter);
  return (
    <section className="card section" aria-labelledby="emerging-heading">
      <h2 id="emerging-heading">Emerging skills</h2>
      {emerging.isPending ? (
        <Loading what="emerging skills" />
      ) : emerging.isError ? (
        <ErrorNotice error={emerging.error} retry={() => void emerging.refetch()} />
      ) : (
        <>
          {emerging.data.skills.length === 0 ? (
            <p className="muted">
              No skill grew significantly from {emerging.data.earlier.from} – {emerging.data.earlier.to} to{' '}
              {emerging.data.later.from} – {emerging.data.later.to}.
            </p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption>
                  {emerging.data.later.from} – {emerging.data.later.to} ({emerging.data.later.postings} postings)
                  against {emerging.data.earlier.from} – {emerging.data.earlier.to} ({emerging.data.earlier.postings})
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Skill</th>
                    <th scope="col">Before</th>
                    <th scope="col">Now</th>
                    <th scope="col">Growth</th>
                  </tr>
                </thead>
                <tbody>
                  {emerging.data.skills.map((s) => (
                    <tr key={s.skillId}>
                      <td>
                        <Link href={`/market/skill?id=${encodeURIComponent(s.skillId)}`}>{s.label}</Link>
                      </td>
                      <td>{pct(s.earlier.share)}</td>
                      <td>{pct(s.later.share)}</td>
                      <td>×{s.ratio.toFixed(1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="muted small">
            Test: {emerging.data.test} (alpha {emerging.data.alpha}, at least {emerging.data.minSupport} postings).
          </p>
        </>
      )}
    </section>
  );
}

function SkillMarket() {
  const params = new URLSearchParams(useSearch());
  const id = params.get('id') ?? undefined;
  const { filter } = useMarketState();
  const trend = useMarketTrend(id, { ...filter, period: params.get('period') === 'quarter' ? 'quarter' : 'month' });
  const roles = useRoles();
  if (!id)
    return (
      <Page title="A skill in the market">
        <EmptyState title="Which skill?" action={{ href: '/market', label: 'Back to the Market page' }} />
      </Page>
    );
  if (trend.isPending) return <Loading what="the skill's postings" />;
  if (trend.isError)
    return (
      <Page title="A skill in the market">
        <ErrorNotice error={trend.error} retry={() => void trend.refetch()} />
      </Page>
    );
  const { skill, quarterOnQuarter, yearOnYear, coOccurring, sample } = trend.data;
  const teaching = (roles.data ?? []).filter((role) => skill.skillId in role.skills);
  const growth = (label: string, g: typeof yearOnYear) =>
    g && g.ratio !== null
      ? `${label} (${g.periods[0]} → ${g.periods[1]}): ×${g.ratio.toFixed(2)}, ${pct(g.from.share)} → ${pct(g.to.share)}`
      : `${label}: not measurable with the loaded postings`;
  return (
    <Page title={skill.label} lead={`In job postings: how many ask for it, month by month. ${sample.note}`}>
      <p>
        <Link href="/market">← Market page</Link>
      </p>
      <section className="card section" aria-labelledby="trend-heading">
        <h2 id="trend-heading">Share of postings asking for {skill.label}</h2>
        <ShareChart
          points={trend.data.points}
          title={`Postings asking for ${skill.label}`}
          what={`postings asking for ${skill.label}`}
          source={`Source: ${sample.note}`}
        />
        <ul>
          <li>{growth('Quarter on quarter', quarterOnQuarter)}</li>
          <li>{growth('Year on year', yearOnYear)}</li>
        </ul>
      </section>
      <div className="two-col section">
        <section className="card" aria-labelledby="beside-heading">
          <h2 id="beside-heading">Asked for beside it</h2>
          {coOccurring.length === 0 ? (
            <p className="muted">Nothing often enough.</p>
          ) : (
            <ul className="result-list">
              {coOccurring.map((c) => (
                <li key={c.skillId}>
                  <Link href={`/market/skill?id=${encodeURIComponent(c.skillId)}`}>{c.label}</Link>
                  <span className="small muted">
                    in {pct(c.withAnchor)} of its postings (lift {c.lift.toFixed(1)})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="plans-heading">
          <h2 id="plans-heading">Plans that teach it</h2>
          {teaching.length === 0 ? (
            <p className="muted">No target role of Upskill's plans requires it.</p>
          ) : (
            <ul className="result-list">
              {teaching.map((role) => (
                <li key={role.id}>
                  <Link href={`/?target=${role.id}`}>Plan to become {role.name}</Link>
                </li>
              ))}
            </ul>
          )}
          {skill.kind === 'ai-skill' && (
            <p>
              <Link href={`/explore?skill=${encodeURIComponent(skill.skillId)}`}>
                What to learn before {skill.label}
              </Link>
            </p>
          )}
        </section>
      </div>
    </Page>
  );
}

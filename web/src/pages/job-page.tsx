import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import { useExposureDistribution, useOccupation } from '../api/queries';
import type { OccupationTask, OccupationView, Rater } from '../api/types';
import { ExposureBadge, isExposed, LABEL_MEANING, RATER_NAME } from '../components/exposure-badge';
import { ExposureChart } from '../components/exposure-chart';
import { Page } from '../components/page';
import { EmptyState, ErrorNotice, Loading } from '../components/status-views';
import { CoachPanel, useFocusHash } from '../components/coach-panel';
import { useJourney } from '../use-journey';
import { MarketForJob } from '../components/market-for-job';
import { AUGMENT } from '../components/plan-fields';

const number = new Intl.NumberFormat('en-US');

export function JobPage() {
  const { profile } = useJourney();
  const code = new URLSearchParams(useSearch()).get('code') ?? profile.data?.occupationCode;
  const occupation = useOccupation(code);
  if (!code) {
    if (profile.isLoading) return <Loading what="your profile" />;
    return (
      <Page title="Your job and AI">
        <EmptyState title="Which job is yours?" action={{ href: '/', label: 'Start with your job title' }}>
          <p>
            Tell Upskill your job title or give it your résumé, and this page shows where generative AI touches each of
            your tasks.
          </p>
        </EmptyState>
      </Page>
    );
  }
  if (occupation.isPending) return <Loading what="the occupation" />;
  if (occupation.isError)
    return (
      <Page title="Your job and AI">
        <ErrorNotice
          title="This occupation could not be shown"
          error={occupation.error}
          retry={() => void occupation.refetch()}
        />
      </Page>
    );
  const personal = !!profile.data && profile.data.occupationCode === code;
  // News is ranked for the worker's own plan too: the role they aim at, when it is not their own job.
  const targetRole = personal && profile.data!.target !== AUGMENT ? profile.data!.target : undefined;
  return (
    <OccupationDetails
      view={occupation.data}
      personal={personal}
      profileId={personal ? profile.data!.id : null}
      targetRole={targetRole}
    />
  );
}

function OccupationDetails({
  view,
  personal,
  profileId,
  targetRole,
}: {
  view: OccupationView;
  personal: boolean;
  profileId: string | null;
  targetRole: string | undefined;
}) {
  useFocusHash(true);
  const [exposedOnly, setExposedOnly] = useState(false);
  const [coreOnly, setCoreOnly] = useState(false);
  const tasks = view.tasks.filter((t) => (!exposedOnly || isExposed(t)) && (!coreOnly || t.taskType === 'Core'));
  const exposed = view.tasks.filter(isExposed).length;
  return (
    <Page title={view.title} lead={view.description}>
      <dl className="facts">
        <div>
          <dt>O*NET-SOC code</dt>
          <dd>{view.code}</dd>
        </div>
        {view.jobZone && (
          <div>
            <dt>Preparation</dt>
            <dd>{view.jobZone.name ?? `Job zone ${view.jobZone.value}`}</dd>
          </div>
        )}
        {view.employment?.employment != null && (
          <div>
            <dt>Employed in the US</dt>
            <dd>
              {number.format(view.employment.employment)}
              <span className="fact-note">
                {view.employment.counts} ({view.employment.source})
              </span>
            </dd>
          </div>
        )}
        {view.employment?.medianAnnualWage != null && (
          <div>
            <dt>Median wage</dt>
            <dd>
              ${number.format(view.employment.medianAnnualWage)} a year
              <span className="fact-note">
                all {view.employment.soc} workers ({view.employment.source})
              </span>
            </dd>
          </div>
        )}
        {view.outlook && (
          <div>
            <dt>Job outlook</dt>
            <dd>
              {view.outlook.pctChange > 0 ? '+' : ''}
              {view.outlook.pctChange}% jobs, {view.outlook.period}
              <span className="fact-note">
                all {view.outlook.title} ({view.outlook.source})
              </span>
            </dd>
          </div>
        )}
        {view.education.education && (
          <div>
            <dt>Typical education</dt>
            <dd>
              {view.education.education.typical.replace(/ - .*$/, '')}
              <span className="fact-note">
                {view.education.education.share}% of workers ({view.education.source})
              </span>
            </dd>
          </div>
        )}
        <div>
          <dt>Tasks AI can help with</dt>
          <dd>
            {exposed} of {view.tasks.length}
          </dd>
        </div>
      </dl>

      <div className="two-col">
        <ExposureCard view={view} />
        <HoursSavedCard view={view} />
      </div>
      <div className="two-col section">
        <ObservedUseCard view={view} />
        <CareerPathCard view={view} />
      </div>

      <CoachPanel
        subject={profileId ? { profileId } : { occupation: view.code }}
        intro={`Ask how to use AI on a task, what to learn first, or what is safe to share. Answers cite your tasks and plan steps.`}
      />

      <section aria-labelledby="tasks-heading" className="section">
        <div className="section-header">
          <h2 id="tasks-heading">{personal ? 'Your tasks, one by one' : 'Its tasks, one by one'}</h2>
          <fieldset className="filters">
            <legend className="visually-hidden">Filter the tasks</legend>
            <label>
              <input type="checkbox" checked={exposedOnly} onChange={(e) => setExposedOnly(e.target.checked)} /> Only
              tasks AI can help with
            </label>
            <label>
              <input type="checkbox" checked={coreOnly} onChange={(e) => setCoreOnly(e.target.checked)} /> Only core
              tasks
            </label>
          </fieldset>
        </div>
        <p className="muted" aria-live="polite">
          Showing {tasks.length} of {view.tasks.length} tasks. Each was labelled by human raters and by GPT-4 with the
          same rubric: E1 {LABEL_MEANING.E1.split(': ')[1]}; E2 {LABEL_MEANING.E2.split(': ')[1]}.
        </p>
        {tasks.length === 0 ? (
          <EmptyState title="No task matches both filters.">
            <p>Clear a filter to see more tasks.</p>
          </EmptyState>
        ) : (
          <ol className="task-list">
            {tasks.map((task) => (
              <TaskItem key={task.taskId} task={task} />
            ))}
          </ol>
        )}
      </section>
      {view.workActivities.length > 0 && (
        <section className="card section" aria-labelledby="activities-heading">
          <h2 id="activities-heading">What the work involves</h2>
          <p className="muted small">
            O*NET's detailed work activities for this occupation, with how many of its tasks each covers.
          </p>
          <ul className="result-list">
            {view.workActivities.slice(0, 12).map((activity) => (
              <li key={activity.dwaId}>
                {activity.title.replace(/\.$/, '')}{' '}
                <span className="muted small">
                  {activity.tasks} {activity.tasks === 1 ? 'task' : 'tasks'}
                </span>
              </li>
            ))}
          </ul>
          {view.workActivities.length > 12 && (
            <p className="muted small">and {view.workActivities.length - 12} more.</p>
          )}
        </section>
      )}
      <div className="two-col section">
        <section className="card" aria-labelledby="related-heading">
          <h2 id="related-heading">Related occupations</h2>
          {view.related.length === 0 ? (
            <p className="muted">O*NET lists none.</p>
          ) : (
            <ul className="result-list">
              {view.related.slice(0, 8).map((r) => (
                <li key={r.code}>
                  <Link href={`/job?code=${r.code}`}>{r.title}</Link>
                  <Link href={`/explore?a=${view.code}&b=${r.code}`} className="small">
                    compare<span className="visually-hidden"> with {r.title}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="tech-heading">
          <h2 id="tech-heading">Technology used in this job</h2>
          {view.technologySkills.length === 0 ? (
            <p className="muted">O*NET lists none.</p>
          ) : (
            <>
              <p className="muted small">From O*NET; “hot” marks technology often named in job postings.</p>
              <ul className="chips">
                {[...view.technologySkills]
                  .sort((a, b) => Number(b.hot) - Number(a.hot))
                  .slice(0, 18)
                  .map((t) => (
                    <li key={t.example} title={t.commodityTitle}>
                      {t.example} {t.hot && <span className="tag tag-core">hot</span>}
                    </li>
                  ))}
              </ul>
              {view.technologySkills.length > 18 && (
                <p className="muted small">
                  and {view.technologySkills.length - 18} more in O*NET's list for this occupation.
                </p>
              )}
            </>
          )}
        </section>
      </div>
      <MarketForJob code={view.code} title={view.title} targetRole={targetRole} />
      {personal && (
        <nav className="next-step" aria-label="Next step">
          <Link href="/skills" className="button primary">
            Next: your skills →
          </Link>
          <Link href="/assess" className="button">
            Check your starting levels
          </Link>
        </nav>
      )}
    </Page>
  );
}

function TaskItem({ task }: { task: OccupationTask }) {
  return (
    <li id={`task-${task.taskId}`} tabIndex={-1} className={`task${isExposed(task) ? ' exposed' : ''}`}>
      <p className="task-statement">{task.statement}</p>
      <div className="task-meta">
        {task.taskType && <span className={`tag tag-${task.taskType.toLowerCase()}`}>{task.taskType}</span>}
        <ExposureBadge rater="human" label={task.human} />
        <ExposureBadge rater="gpt4" label={task.gpt4} />
        {task.agreement === 'gpt4-higher' && (
          <span className="muted small">GPT-4 rated it more exposed than human raters did</span>
        )}
        {task.agreement === 'human-higher' && (
          <span className="muted small">Human raters rated it more exposed than GPT-4 did</span>
        )}
      </div>
      <p className="task-practice small">
        <span className={`tag observed-${task.observed.level}`}>{OBSERVED_NAME[task.observed.level]}</span>{' '}
        {task.practice}
        {task.observed.pct !== null &&
          ` (${task.observed.pct.toFixed(3)} % of the Anthropic Economic Index conversations` +
            `${task.observed.via === 'task-id' ? ', matched by its O*NET Task ID' : ''})`}
      </p>
      {task.guidance && <TaskGuidance guidance={task.guidance} exposed={isExposed(task)} />}
    </li>
  );
}

const OBSERVED_NAME = {
  frequent: 'used often',
  occasional: 'used sometimes',
  'not-seen': 'not seen in use',
  unknown: 'use unknown',
} as const;
const RISK_NAME = {
  assist: 'AI assists, you decide',
  caution: 'Caution: personal or confidential data',
  'human-only': 'Human only: AI never decides',
} as const;

function TaskGuidance({ guidance, exposed }: { guidance: NonNullable<OccupationTask['guidance']>; exposed: boolean }) {
  return (
    <div className={`task-ai risk-${guidance.risk}`}>
      <p>
        <span className={`tag risk-tag-${guidance.risk}`}>{RISK_NAME[guidance.risk]}</span>{' '}
        <span className="muted small">{guidance.activity.title.replace(/\.$/, '')}</span>
      </p>
      {exposed || guidance.risk !== 'human-only' ? <p>{guidance.aiCan}</p> : null}
      <details>
        <summary>How to do it, and what to check</summary>
        <ol className="recipe">
          {guidance.recipe.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <p className="small">
          Tools: {guidance.tools.map((tool) => `${tool.category} (for example ${tool.examples.join(', ')})`).join('; ')}
          .
        </p>
      </details>
      <p>
        <strong>Check:</strong> {guidance.check}
      </p>
      {guidance.neverPaste && (
        <p className="never-paste">
          <strong>Never paste:</strong> {guidance.neverPaste}
        </p>
      )}
      <p>
        <strong>Stays with you:</strong> {guidance.staysHuman}
        {guidance.humanOnlyBecause && ` This task is human-only because ${guidance.humanOnlyBecause}.`}
      </p>
    </div>
  );
}

function ObservedUseCard({ view }: { view: OccupationView }) {
  const observed = view.observedUse;
  const seen = observed.coverage.byStatement + observed.coverage.byTaskId;
  return (
    <section className="card" aria-labelledby="observed-heading">
      <h2 id="observed-heading">What people actually do with AI</h2>
      {observed.applicability ? (
        <p>
          AI applicability score <strong>{observed.applicability.score.toFixed(2)}</strong>: higher than{' '}
          {observed.applicability.percentile}% of the occupations scored{' '}
          <span className="muted small">
            ({observed.applicability.source}, Bing Copilot conversations, SOC {observed.applicability.soc})
          </span>
        </p>
      ) : (
        <p className="muted">No applicability score is published for this occupation.</p>
      )}
      {observed.taskSource ? (
        <p>
          {seen} of {observed.coverage.total} tasks appear in about a million Claude conversations (Anthropic Economic
          Index, Feb 2025); {observed.coverage.notSeen} are listed there but were not seen in use
          {observed.coverage.unknown ? `, and ${observed.coverage.unknown} are unknown to it` : ''}.
        </p>
      ) : (
        <p className="muted">Observed use per task is not loaded on this server.</p>
      )}
      {observed.activities.length > 0 && (
        <>
          <h3 className="small-heading">Its work activities people seek AI help with most</h3>
          <ul className="result-list">
            {observed.activities
              .filter((a) => a.shareUser !== null)
              .slice(0, 5)
              .map((a) => (
                <li key={a.iwa}>
                  {a.title.replace(/\.$/, '')}{' '}
                  <span className="muted small">
                    {((a.shareUser ?? 0) * 100).toFixed(2)}% of conversations · {a.tasks} of its tasks
                  </span>
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}

function CareerPathCard({ view }: { view: OccupationView }) {
  const rows = [
    ['Education', view.education.education],
    ['Related experience', view.education.relatedExperience],
    ['On-the-job training', view.education.onTheJobTraining],
  ] as const;
  return (
    <section className="card" aria-labelledby="career-heading">
      <h2 id="career-heading">Getting into this work</h2>
      <dl className="career-facts">
        {view.jobZone && (
          <div>
            <dt>Preparation</dt>
            <dd>{view.jobZone.name ?? `Job zone ${view.jobZone.value}`}</dd>
          </div>
        )}
        {rows.map(([name, row]) =>
          row ? (
            <div key={name}>
              <dt>{name}</dt>
              <dd>
                {row.typical.replace(/ - .*$/, '')} <span className="muted small">({row.share}% of workers)</span>
              </dd>
            </div>
          ) : null,
        )}
        {view.education.certificationImportance !== null && (
          <div>
            <dt>Professional certification</dt>
            <dd>importance {view.education.certificationImportance} of 5</dd>
          </div>
        )}
      </dl>
      <p className="muted small">What workers in this occupation report ({view.education.source}).</p>
    </section>
  );
}

function ExposureCard({ view }: { view: OccupationView }) {
  const distribution = useExposureDistribution();
  const [rater, setRater] = useState<Rater>('gpt4');
  const scores = view.exposure[rater];
  return (
    <section className="card" aria-labelledby="exposure-heading">
      <h2 id="exposure-heading">How exposed is this work?</h2>
      <fieldset className="segmented">
        <legend className="visually-hidden">Whose ratings</legend>
        {(['gpt4', 'human'] as const).map((r) => (
          <label key={r} className={r === rater ? 'checked' : undefined}>
            <input type="radio" name="rater" value={r} checked={r === rater} onChange={() => setRater(r)} />{' '}
            {RATER_NAME[r]}
          </label>
        ))}
      </fieldset>
      {distribution.isPending && <Loading what="all occupations" />}
      {distribution.isError && <ErrorNotice error={distribution.error} retry={() => void distribution.refetch()} />}
      {distribution.data && scores && (
        <ExposureChart
          distribution={distribution.data}
          rater={rater}
          beta={scores.beta}
          percentile={scores.percentile.beta}
          title={view.title}
        />
      )}
      {!scores && <p className="muted">{RATER_NAME[rater]} did not label this occupation's tasks.</p>}
      <details>
        <summary>What the share means</summary>
        <p>
          β counts a task as exposed when an LLM alone could halve its time (E1), and as half exposed when it needs
          software built on top (E2). Tasks are weighted{' '}
          {view.exposure.weighting === 'task-importance' ? "by O*NET's importance ratings" : 'core 2 : supplemental 1'};{' '}
          {view.exposure.labelledTasks} tasks are labelled
          {view.exposure.unlabelledTasks ? `, ${view.exposure.unlabelledTasks} are not` : ''}.
          {scores &&
            ` α (E1 only) is ${Math.round(scores.alpha * 100)}%, γ (E1 and E2 in full) ${Math.round(scores.gamma * 100)}%.`}
        </p>
      </details>
    </section>
  );
}

function HoursSavedCard({ view }: { view: OccupationView }) {
  const saved = view.hoursSaved;
  return (
    <section className="card" aria-labelledby="saved-heading">
      <h2 id="saved-heading">Time AI could save</h2>
      <p className="big-number">
        {saved.low}–{saved.high} <span>hours a week</span>
      </p>
      <p className="muted">
        of a 40-hour week, after the time it takes to check AI's work; tasks that stay human save nothing. The low end
        counts what people already do with AI, the high end what it could do.
      </p>
      <details>
        <summary>How this was computed</summary>
        <ul>
          {saved.assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

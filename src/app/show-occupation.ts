import { UpskillError } from '../domain/errors.js';
import {
  labelAgreement,
  percentileRank,
  type ExposureScores,
  type LabelAgreement,
  type Rater,
} from '../domain/exposure/index.js';
import * as occupations from '../store/occupation.repository.js';
import type { TaskRow } from '../store/occupation.repository.js';
import type { HoursSaved } from '../domain/planning/hours-saved.js';
import { educationPath, type EducationPath } from '../domain/career/education-path.js';
import { findProjection, listEducation } from '../store/career.repository.js';
import { occupationEvidence, type OccupationEvidence, type TaskEvidence } from './occupation-evidence.js';
import { noMatchError, searchOccupations } from './search-occupations.js';
import type { UpskillApp } from './upskill-app.js';
import { dataNotLoaded } from './upskill-app.js';

export const OCCUPATION_CODE = /^\d{2}-\d{4}\.\d{2}$/;

export interface RaterExposure extends ExposureScores {
  /** Percent of occupations with a lower score, per measure. */
  percentile: ExposureScores;
}

/** How generative AI would help with an exposed task, and what to check by hand. */
export interface TaskAiUse {
  capability: string;
  howToUse: string;
  check: string;
}

export interface OccupationView {
  code: string;
  title: string;
  description: string;
  jobZone: { value: number; name: string | null } | null;
  employment: {
    soc: string;
    employment: number | null;
    medianAnnualWage: number | null;
    medianHourlyWage: number | null;
    source: string;
    /**
     * What the figures count, e.g. "employment of all Registered Nurses, 29-1141": BLS publishes by SOC, not
     * by O*NET's detailed occupation.
     */
    counts: string;
  } | null;
  /** BLS projected change in employment of the SOC occupation. */
  outlook: { soc: string; title: string; pctChange: number; period: '2020–30'; source: string } | null;
  /** Education, training and experience O*NET workers report, with the Job Zone. */
  education: EducationPath & { source: string };
  /** What people actually do with AI in this occupation, beside what it could do. */
  observedUse: OccupationEvidence['observedUse'];
  exposure: {
    human: RaterExposure | null;
    gpt4: RaterExposure | null;
    /** How tasks were weighted: the paper's core/supplemental weights, or O*NET importance ratings. */
    weighting: 'core-2-supplemental-1' | 'task-importance';
    labelledTasks: number;
    unlabelledTasks: number;
    published: { human: ExposureScores; gpt4: ExposureScores } | null;
  };
  /** Hours a week AI could save on this occupation's tasks, with the assumptions behind the figure. */
  hoursSaved: HoursSaved;
  tasks: (TaskRow & TaskEvidence & { agreement: LabelAgreement; ai: TaskAiUse | null })[];
  workActivities: { dwaId: string; title: string; tasks: number }[];
  technologySkills: { example: string; commodityTitle: string; hot: boolean; inDemand: boolean | null }[];
  related: { code: string; title: string; tier: string }[];
  /** Set when the occupation was found from a title rather than a code. */
  resolvedFrom?: { query: string; matched: string; score: number };
}

async function resolveCode(
  app: UpskillApp,
  codeOrTitle: string,
): Promise<{ code: string; resolvedFrom?: OccupationView['resolvedFrom'] }> {
  const input = codeOrTitle.trim();
  if (OCCUPATION_CODE.test(input)) return { code: input };
  if (/^\d{2}-\d{4}$/.test(input)) return { code: `${input}.00` };
  const [best] = await searchOccupations(app, input, 1);
  if (!best) throw await noMatchError(app, input);
  return { code: best.code, resolvedFrom: { query: input, matched: best.matched, score: best.score } };
}

function withPercentiles(
  scores: ExposureScores | null,
  rater: Rater,
  all: occupations.OccupationExposureRow[],
): RaterExposure | null {
  if (!scores) return null;
  const values = all.map((row) => row[rater]).filter((s): s is ExposureScores => s !== null);
  return {
    ...scores,
    percentile: {
      alpha: percentileRank(
        scores.alpha,
        values.map((s) => s.alpha),
      ),
      beta: percentileRank(
        scores.beta,
        values.map((s) => s.beta),
      ),
      gamma: percentileRank(
        scores.gamma,
        values.map((s) => s.gamma),
      ),
    },
  };
}

/** The occupation for a code or a job title (the best match), failing clearly when nothing fits or the code is unknown. */
export async function resolveOccupation(app: UpskillApp, codeOrTitle: string): Promise<occupations.OccupationRow> {
  const { code } = await resolveCode(app, codeOrTitle);
  // Every plan and profile starts here: the row is read once per code, not once per request.
  return app.perOccupation('occupation', code, async () => {
    const occupation = await occupations.findOccupation(app.database, code);
    if (!occupation) {
      throw new UpskillError('NOT_FOUND', `There is no occupation with the code ${code}.`, {
        hint: 'Search by title with `upskill occupations search "<title>"` to find the code.',
      });
    }
    return occupation;
  });
}

/** How AI helps on an exposed task, in short: from the guidance of the task's work activity. */
function aiUseFor(task: TaskRow, evidence: TaskEvidence | undefined): TaskAiUse | null {
  if ((task.human ?? 'E0') === 'E0' && (task.gpt4 ?? 'E0') === 'E0') return null;
  const guidance = evidence?.guidance;
  if (!guidance) return null;
  return { capability: guidance.activity.title.replace(/\.$/, ''), howToUse: guidance.aiCan, check: guidance.check };
}

/** Everything Upskill knows of one occupation and where generative AI touches its tasks. */
export async function showOccupation(app: UpskillApp, codeOrTitle: string): Promise<OccupationView> {
  const { code, resolvedFrom } = await resolveCode(app, codeOrTitle);
  // The view is the same for everyone: eight queries and a percentile pass over all occupations
  // made every request wait on the single-threaded embedded database, so it is assembled once per code.
  const view = await app.perOccupation('view', code, () => assembleView(app, code));
  return resolvedFrom ? { ...view, resolvedFrom } : view;
}

/**
 * The view of an O*NET-SOC code as JSON text, for the HTTP API: serialised once per code as well,
 * since turning ≈30 KB of view into JSON was the larger part of answering once the view was cached.
 * Only the text is kept, not the view beside it.
 */
export function occupationViewJson(app: UpskillApp, code: string): Promise<string> {
  return app.perOccupation('view-json', code, async () => JSON.stringify(await assembleView(app, code)));
}

async function assembleView(app: UpskillApp, code: string): Promise<OccupationView> {
  const db = app.database;
  const occupation = await occupations.findOccupation(db, code);
  if (!occupation) {
    if ((await occupations.listOccupationNames(db)).length === 0) throw dataNotLoaded();
    throw new UpskillError('NOT_FOUND', `There is no occupation with the code ${code}.`, {
      hint: 'Search by title with `upskill occupations search "<title>"` to find the code.',
    });
  }
  const [tasks, workActivities, technologySkills, related, exposure, published, wage, all, projection, education] =
    await Promise.all([
      occupations.listTasks(db, code),
      occupations.listWorkActivities(db, code),
      occupations.listTechnologySkills(db, code),
      occupations.listRelatedOccupations(db, code),
      occupations.findOccupationExposure(db, code),
      occupations.findPublishedExposure(db, code),
      occupations.findWage(db, code),
      app.exposures(),
      findProjection(db, code.slice(0, 7)),
      listEducation(db, code),
    ]);
  const evidence = await occupationEvidence(app, code, tasks);
  return {
    code: occupation.code,
    title: occupation.title,
    description: occupation.description,
    jobZone: occupation.jobZone === null ? null : { value: occupation.jobZone, name: occupation.jobZoneName },
    employment: wage
      ? {
          soc: wage.soc,
          employment: wage.employment,
          medianAnnualWage: wage.medianAnnual,
          medianHourlyWage: wage.medianHourly,
          source: 'BLS OEWS May 2021',
          counts: `employment of all ${wage.title}, ${wage.soc}`,
        }
      : null,
    outlook: projection ? { ...projection, period: '2020–30', source: 'BLS Employment Projections 2020–30' } : null,
    education: { ...educationPath(education), source: 'O*NET 27.0 Education, Training, and Experience' },
    observedUse: evidence.observedUse,
    exposure: {
      human: withPercentiles(exposure?.human ?? null, 'human', all),
      gpt4: withPercentiles(exposure?.gpt4 ?? null, 'gpt4', all),
      weighting: tasks.some((task) => task.importance !== null) ? 'task-importance' : 'core-2-supplemental-1',
      labelledTasks: exposure?.labelledTasks ?? 0,
      unlabelledTasks: exposure?.unlabelledTasks ?? tasks.length,
      published: published ?? null,
    },
    hoursSaved: evidence.hoursSaved,
    tasks: tasks.map((task) => {
      const found = evidence.tasks.get(task.taskId)!;
      return { ...task, ...found, agreement: labelAgreement(task.human, task.gpt4), ai: aiUseFor(task, found) };
    }),
    workActivities,
    technologySkills,
    related,
  };
}

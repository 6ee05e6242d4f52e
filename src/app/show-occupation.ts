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
import { matchTaskCapabilities } from '../domain/planning/task-capabilities.js';
import { estimateHoursSaved, type HoursSaved } from '../domain/planning/hours-saved.js';
import { searchOccupations } from './search-occupations.js';
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
  } | null;
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
  tasks: (TaskRow & { agreement: LabelAgreement; ai: TaskAiUse | null })[];
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
  if (!best)
    throw new UpskillError('NO_MATCH', `No occupation matches "${input}".`, {
      hint: 'Try the plain title of the job (e.g. "nurse", "accountant"), or an O*NET-SOC code such as 13-1161.00.',
    });
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

function aiUseFor(app: UpskillApp, task: TaskRow): TaskAiUse | null {
  if ((task.human ?? 'E0') === 'E0' && (task.gpt4 ?? 'E0') === 'E0') return null;
  const [pattern] = matchTaskCapabilities(app.planningContent().patterns, task.statement);
  return pattern ? { capability: pattern.capability, howToUse: pattern.howToUse, check: pattern.check } : null;
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
  const [tasks, workActivities, technologySkills, related, exposure, published, wage, all] = await Promise.all([
    occupations.listTasks(db, code),
    occupations.listWorkActivities(db, code),
    occupations.listTechnologySkills(db, code),
    occupations.listRelatedOccupations(db, code),
    occupations.findOccupationExposure(db, code),
    occupations.findPublishedExposure(db, code),
    occupations.findWage(db, code),
    app.exposures(),
  ]);
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
        }
      : null,
    exposure: {
      human: withPercentiles(exposure?.human ?? null, 'human', all),
      gpt4: withPercentiles(exposure?.gpt4 ?? null, 'gpt4', all),
      weighting: tasks.some((task) => task.importance !== null) ? 'task-importance' : 'core-2-supplemental-1',
      labelledTasks: exposure?.labelledTasks ?? 0,
      unlabelledTasks: exposure?.unlabelledTasks ?? tasks.length,
      published: published ?? null,
    },
    hoursSaved: estimateHoursSaved(tasks),
    tasks: tasks.map((task) => ({
      ...task,
      agreement: labelAgreement(task.human, task.gpt4),
      ai: aiUseFor(app, task),
    })),
    workActivities,
    technologySkills,
    related,
  };
}

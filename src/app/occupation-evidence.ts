import {
  describePotentialAndPractice,
  observedCoverage,
  type ObservedCoverage,
  type ObservedTaskUse,
} from '../domain/exposure/index.js';
import type { ActivityGuidance, RiskClass } from '../domain/guidance/index.js';
import { estimateHoursSaved, taskTimeShares, type HoursSaved } from '../domain/planning/hours-saved.js';
import * as observed from '../store/observed-use.repository.js';
import type { TaskRow } from '../store/occupation.repository.js';
import type { UpskillApp } from './upskill-app.js';

/** The authored guidance a task takes, with the activity it came from and how it was chosen. */
export interface TaskGuidanceView extends Omit<ActivityGuidance, 'iwa' | 'title'> {
  activity: { iwa: string; title: string };
  /** `dwa`: through the task's own O*NET links; `words`: O*NET links it to no activity, so by its words. */
  via: 'dwa' | 'words';
  relevance: number;
  /** Why the task is human-only although its activity is not, when its own words say so. */
  humanOnlyBecause?: string;
}

export interface TaskEvidence {
  observed: ObservedTaskUse;
  /** Potential (GPTs-are-GPTs) against practice (observed use), in plain words. */
  practice: string;
  guidance: TaskGuidanceView | null;
  /** The IWAs O*NET links the task to. */
  activities: string[];
}

export interface ActivityEvidence {
  iwa: string;
  title: string;
  /** Tasks of this occupation linked to the activity. */
  tasks: number;
  /** Share of Copilot conversations seeking help with it (user) and where the AI performs it (ai). */
  shareUser: number | null;
  shareAi: number | null;
  completionUser: number | null;
  scopeUser: number | null;
}

export interface OccupationEvidence {
  tasks: Map<number, TaskEvidence>;
  observedUse: {
    /** Whether the Anthropic Economic Index was loaded; without it every task is "unknown". */
    taskSource: 'anthropic-economic-index' | null;
    coverage: ObservedCoverage;
    applicability: { soc: string; score: number; percentile: number; source: string } | null;
    activities: ActivityEvidence[];
  };
  hoursSaved: HoursSaved;
}

const UNKNOWN: ObservedTaskUse = { level: 'unknown', pct: null, percentile: null, via: null };
const isExposed = (task: TaskRow): boolean => (task.human ?? 'E0') !== 'E0' || (task.gpt4 ?? 'E0') !== 'E0';

/**
 * What observed use, the authored guidance and time-use weights say about an occupation's tasks:
 * the same for everyone, built once per code and shared by the occupation view and the planner.
 */
export function occupationEvidence(
  app: UpskillApp,
  code: string,
  tasks: readonly TaskRow[],
): Promise<OccupationEvidence> {
  return app.perOccupation('evidence', code, async () => {
    const db = app.database;
    const soc = code.slice(0, 7);
    const [uses, links, weights, applicability, guidance] = await Promise.all([
      observed.listObservedTaskUse(db, code),
      observed.listTaskActivities(db, code),
      observed.listActivityWeights(db, soc),
      observed.findApplicability(db, soc),
      app.guidance(),
    ]);
    const useOf = new Map(uses.map((use) => [use.taskId, use]));
    const activitiesOf = new Map<number, string[]>();
    for (const link of links) activitiesOf.set(link.taskId, [...(activitiesOf.get(link.taskId) ?? []), link.iwa]);
    const evidence = new Map<number, TaskEvidence>();
    for (const task of tasks) {
      const row = useOf.get(task.taskId);
      const use: ObservedTaskUse = row
        ? { level: row.level, pct: row.pct, percentile: row.percentile, via: row.via }
        : UNKNOWN;
      const iwas = activitiesOf.get(task.taskId) ?? [];
      const found = guidance.guidanceFor({ statement: task.statement, iwas });
      evidence.set(task.taskId, {
        observed: use,
        practice: describePotentialAndPractice(isExposed(task), use.level),
        guidance: found
          ? {
              ...withoutIdentity(found.guidance),
              activity: { iwa: found.guidance.iwa, title: found.guidance.title },
              via: found.via,
              relevance: found.relevance,
              ...(found.humanOnlyBecause ? { humanOnlyBecause: found.humanOnlyBecause } : {}),
            }
          : null,
        activities: iwas,
      });
    }
    const linkedIwas = [...new Set(links.map((link) => link.iwa))];
    const activityUse = await observed.listActivityUse(db, linkedIwas);
    const taskCount = (iwa: string): number => links.filter((link) => link.iwa === iwa).length;
    const riskOf = (taskId: number): RiskClass | undefined => evidence.get(taskId)?.guidance?.risk;
    const hoursSaved = estimateHoursSaved(
      tasks.map((task) => ({
        ...task,
        risk: riskOf(task.taskId),
        observed: evidence.get(task.taskId)?.observed.level,
      })),
      taskTimeShares(tasks, links, weights),
    );
    return {
      tasks: evidence,
      observedUse: {
        taskSource: uses.length > 0 ? 'anthropic-economic-index' : null,
        coverage: observedCoverage([...evidence.values()].map((item) => item.observed)),
        applicability: applicability
          ? {
              soc: applicability.soc,
              score: applicability.score,
              percentile: applicability.percentile,
              source: 'Microsoft Working with AI (2025)',
            }
          : null,
        activities: activityUse
          .map((row) => ({
            iwa: row.iwa,
            title: row.title,
            tasks: taskCount(row.iwa),
            shareUser: row.shareUser,
            shareAi: row.shareAi,
            completionUser: row.completionUser,
            scopeUser: row.scopeUser,
          }))
          .sort((a, b) => (b.shareUser ?? -1) - (a.shareUser ?? -1)),
      },
      hoursSaved,
    };
  });
}

function withoutIdentity({
  iwa: _iwa,
  title: _title,
  ...rest
}: ActivityGuidance): Omit<ActivityGuidance, 'iwa' | 'title'> {
  return rest;
}

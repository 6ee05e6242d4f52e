/**
 * What people actually do with AI, per O*NET task, beside what it could do. The Anthropic Economic
 * Index gives the share of about a million Claude conversations per task statement; a task it lists
 * but never matched had no (or too little) observed use, and a task it does not list at all is
 * unknown to it — never "unused".
 */
export type ObservedLevel = 'frequent' | 'occasional' | 'not-seen' | 'unknown';

export interface ObservedTaskUse {
  level: ObservedLevel;
  /** Share (%) of the source's conversations, when the task was matched. */
  pct: number | null;
  /** Percentile of that share among all matched tasks (0–100). */
  percentile: number | null;
  /** How the task was matched: its own words, or its Task ID in the source's O*NET list. */
  via: 'statement' | 'task-id' | null;
}

export interface ObservedUseIndex {
  useOf(task: { taskId: number; statement: string }): ObservedTaskUse;
}

/** Case, white space, quotes and the final full stop do not make two task statements different. */
export function normaliseTaskStatement(statement: string): string {
  return statement
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:!\s]+$/, '');
}

// A matched task in the top quarter of matched shares is "frequent": a threshold that follows the data.
const FREQUENT_PERCENTILE = 75;

/** Builds the lookup once from the source's shares and its own O*NET task list (with Task IDs). */
export function buildObservedUseIndex(source: {
  taskShares: readonly { statement: string; pct: number }[];
  statements: readonly { taskId: number; statement: string }[];
}): ObservedUseIndex {
  const shares = new Map<string, number>();
  for (const { statement, pct } of source.taskShares) {
    const key = normaliseTaskStatement(statement);
    shares.set(key, (shares.get(key) ?? 0) + pct);
  }
  const sorted = [...shares.values()].sort((a, b) => a - b);
  const percentileOf = (pct: number): number => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid]! <= pct) low = mid + 1;
      else high = mid;
    }
    return Math.round((low / sorted.length) * 1000) / 10;
  };
  const statementById = new Map(source.statements.map((row) => [row.taskId, normaliseTaskStatement(row.statement)]));
  const knownStatements = new Set(statementById.values());
  const matched = (pct: number, via: ObservedTaskUse['via']): ObservedTaskUse => {
    const percentile = percentileOf(pct);
    return { level: percentile >= FREQUENT_PERCENTILE ? 'frequent' : 'occasional', pct, percentile, via };
  };
  const none = (level: 'not-seen' | 'unknown'): ObservedTaskUse => ({ level, pct: null, percentile: null, via: null });
  return {
    useOf: ({ taskId, statement }) => {
      const own = normaliseTaskStatement(statement);
      const direct = shares.get(own);
      if (direct !== undefined) return matched(direct, 'statement');
      const reworded = statementById.get(taskId);
      const viaId = reworded === undefined ? undefined : shares.get(reworded);
      if (viaId !== undefined) return matched(viaId, 'task-id');
      return none(reworded !== undefined || knownStatements.has(own) ? 'not-seen' : 'unknown');
    },
  };
}

/** How potential (GPTs-are-GPTs ratings) and practice (observed use) agree on a task, in plain words. */
export function describePotentialAndPractice(exposed: boolean, level: ObservedLevel): string {
  if (level === 'unknown') return 'Observed use is unknown: the Anthropic Economic Index does not list this task.';
  if (exposed) {
    if (level === 'frequent') return 'Rated exposed, and people already use AI for it often.';
    if (level === 'occasional') return 'Rated exposed, and people use AI for it now and then.';
    return 'Rated exposed, yet people rarely use AI for it yet.';
  }
  if (level === 'not-seen') return 'Rated not exposed, and little use of AI for it is seen.';
  return 'Rated not exposed, yet people do use AI for it.';
}

export interface ObservedCoverage {
  byStatement: number;
  byTaskId: number;
  notSeen: number;
  unknown: number;
  total: number;
}

/** How many tasks each way of matching reached: the coverage the product reports. */
export function observedCoverage(uses: readonly ObservedTaskUse[]): ObservedCoverage {
  const count = (test: (use: ObservedTaskUse) => boolean): number => uses.filter(test).length;
  return {
    byStatement: count((use) => use.via === 'statement'),
    byTaskId: count((use) => use.via === 'task-id'),
    notSeen: count((use) => use.level === 'not-seen'),
    unknown: count((use) => use.level === 'unknown'),
    total: uses.length,
  };
}

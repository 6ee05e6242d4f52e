import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UpskillError } from '../domain/errors.js';
import { readRecords, sourceError, type RowReader, type TableFormat } from './tabular-file.js';

/** What people actually do with AI: the Anthropic Economic Index (Feb 2025) per O*NET task statement. */
export interface AnthropicRelease {
  /** Share (%) of about a million Claude.ai conversations per task statement, as the source wrote it. */
  taskShares: { statement: string; pct: number }[];
  /** The O*NET task list the release mapped against, to reach 27.0 tasks by Task ID. */
  statements: { taskId: number; code: string; statement: string }[];
}

/** Microsoft's "Working with AI" (Tomlinson et al. 2025): observed Copilot use per work activity and occupation. */
export interface MicrosoftRelease {
  activities: {
    iwa: string;
    title: string;
    /** Share of conversations where the user seeks help with the activity. */
    shareUser: number;
    /** Share of conversations where the AI performs it. */
    shareAi: number;
    /** Completion rate and impact scope; null where too few conversations touched the activity. */
    completionUser: number | null;
    completionAi: number | null;
    scopeUser: number | null;
    scopeAi: number | null;
  }[];
  /** AI applicability score per SOC-2018 6-digit occupation (0–1). */
  occupations: { soc: string; title: string; applicability: number }[];
  /** Per-occupation activity weights from O*NET 29.0 task relevance and importance. */
  weights: { soc: string; iwa: string; weight: number }[];
}

export const ANTHROPIC_FILES = { shares: 'onet_task_mappings.csv', statements: 'onet_task_statements.csv' } as const;
export const MICROSOFT_FILES = {
  activities: 'iwa_metrics.csv',
  occupations: 'soc_ai_applicability_scores.csv',
  weights: 'soc_iwa_weights.csv',
} as const;

/** A source folder is recognised by its first file; the others must then be there too. */
function requireFiles(dir: string, source: string, files: Record<string, string>): void {
  const missing = Object.values(files).filter((name) => !existsSync(join(dir, name)));
  if (missing.length > 0)
    throw new UpskillError('SOURCE_INVALID', `${dir}: the ${source} folder has no ${missing.join(' or ')}`, {
      hint: `A complete copy has ${Object.values(files).join(', ')}; copy the missing file(s) from the release.`,
      details: { file: join(dir, missing[0]!) },
    });
}

const CSV = (requiredColumns: readonly string[]): TableFormat => ({ delimiter: ',', quoted: true, requiredColumns });

/** A share is a fraction or a percentage: finite and not negative. */
function share(file: string, row: RowReader, field: string, max: number): number {
  const value = row.number(field);
  if (value < 0 || value > max) throw sourceError(file, row.line, field, `must be between 0 and ${max}, not ${value}`);
  return value;
}

function soc(file: string, row: RowReader, field: string): string {
  const value = row.text(field);
  if (!/^\d{2}-\d{4}$/.test(value))
    throw sourceError(file, row.line, field, `"${value}" is not a SOC code like 29-1141`);
  return value;
}

export async function readAnthropicRelease(dir: string): Promise<AnthropicRelease> {
  requireFiles(dir, 'Anthropic Economic Index', ANTHROPIC_FILES);
  const sharesFile = join(dir, ANTHROPIC_FILES.shares);
  const taskShares = await readRecords(sharesFile, CSV(['task_name', 'pct']), (row) => ({
    statement: row.text('task_name'),
    pct: share(sharesFile, row, 'pct', 100),
  }));
  const statements = await readRecords(
    join(dir, ANTHROPIC_FILES.statements),
    CSV(['O*NET-SOC Code', 'Task ID', 'Task']),
    (row) => ({
      taskId: row.integer('Task ID'),
      code: row.occupationCode('O*NET-SOC Code'),
      statement: row.text('Task'),
    }),
  );
  if (taskShares.length === 0) throw sourceError(sharesFile, undefined, undefined, 'has no rows');
  return { taskShares, statements };
}

export async function readMicrosoftRelease(dir: string): Promise<MicrosoftRelease> {
  requireFiles(dir, 'Working with AI', MICROSOFT_FILES);
  const activitiesFile = join(dir, MICROSOFT_FILES.activities);
  const fraction = (row: RowReader, field: string): number => share(activitiesFile, row, field, 1);
  const optionalFraction = (row: RowReader, field: string): number | null =>
    row.optionalText(field) === null ? null : fraction(row, field);
  const activities = await readRecords(
    activitiesFile,
    CSV([
      'IWA',
      'title',
      'share_user',
      'share_ai',
      'completion_user',
      'completion_ai',
      'impact_scope_user',
      'impact_scope_ai',
    ]),
    (row) => {
      const iwa = row.text('IWA');
      if (!/^4\.A\.\d\.[a-z]\.\d\.I\d{2}$/.test(iwa))
        throw sourceError(activitiesFile, row.line, 'IWA', `"${iwa}" is not an O*NET IWA ID`);
      return {
        iwa,
        title: row.text('title'),
        shareUser: fraction(row, 'share_user'),
        shareAi: fraction(row, 'share_ai'),
        completionUser: optionalFraction(row, 'completion_user'),
        completionAi: optionalFraction(row, 'completion_ai'),
        scopeUser: optionalFraction(row, 'impact_scope_user'),
        scopeAi: optionalFraction(row, 'impact_scope_ai'),
      };
    },
  );
  const occupationsFile = join(dir, MICROSOFT_FILES.occupations);
  const occupations = await readRecords(
    occupationsFile,
    CSV(['SOC Code', 'title', 'ai_applicability_score']),
    (row) => ({
      soc: soc(occupationsFile, row, 'SOC Code'),
      title: row.text('title'),
      applicability: share(occupationsFile, row, 'ai_applicability_score', 1),
    }),
  );
  // The weights file is a wide matrix with one column per activity.
  const weightsFile = join(dir, MICROSOFT_FILES.weights);
  const iwas = activities.map((activity) => activity.iwa);
  const weights = await readRecords(weightsFile, CSV(['SOC Code', ...iwas]), (row) => {
    const code = soc(weightsFile, row, 'SOC Code');
    return iwas.map((iwa) => ({ soc: code, iwa, weight: row.number(iwa) })).filter((cell) => cell.weight > 0);
  });
  return { activities, occupations, weights: weights.flat() };
}

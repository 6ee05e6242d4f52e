import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ExposureLabel, AutomationLabel } from '../domain/exposure/index.js';
import { readRecords, type TableFormat } from './tabular-file.js';

/** GPTs-are-GPTs task labels, published occupation scores, and the BLS wages shipped beside them. */
export interface GptsRelease {
  taskLabels: {
    taskId: number;
    code: string;
    human: ExposureLabel;
    gpt4: ExposureLabel;
    gpt4Automation: AutomationLabel | null;
  }[];
  humanAutomation: { taskId: number; humanAutomation: AutomationLabel }[];
  publishedScores: {
    code: string;
    gpt4: { alpha: number; beta: number; gamma: number };
    human: { alpha: number; beta: number; gamma: number };
  }[];
  wages: {
    soc: string;
    title: string;
    employment: number | null;
    medianAnnual: number | null;
    medianHourly: number | null;
  }[];
  wagesFile: string | null;
  /** BLS Employment Projections 2020–30 (% change), by BLS occupation title, shipped beside the labels. */
  projections: { title: string; pctChange: number }[];
}

export const GPTS_FILES = {
  labels: 'full_labelset.tsv',
  occupationScores: 'occ_level.csv',
  automation: 'automation_gpt4_human_labels.tsv',
  projections: 'occupations_projections_processed.csv',
} as const;

export const REQUIRED_GPTS_FILES = [GPTS_FILES.labels, GPTS_FILES.occupationScores] as const;
const EXPOSURE = ['E0', 'E1', 'E2'] as const;
const AUTOMATION = ['T0', 'T1', 'T2', 'T3', 'T4'] as const;
const CODE = 'O*NET-SOC Code';

/** BLS OEWS national file (e.g. national_May2021_dl.csv) in the folder, if any. */
export function findWagesFile(dir: string): string | null {
  const name = readdirSync(dir).find((file) => /^national_\w+_dl\.csv$/i.test(file));
  return name ? join(dir, name) : null;
}

/** Reads the labels, scores and wages from a folder laid out like the project's data/ directory. */
export async function readGptsRelease(dir: string): Promise<GptsRelease> {
  const tsv: TableFormat = { delimiter: '\t', quoted: true, requiredColumns: [] };
  const taskLabels = await readRecords(
    join(dir, GPTS_FILES.labels),
    { ...tsv, requiredColumns: [CODE, 'Task ID', 'human_exposure_agg', 'gpt4_exposure'] },
    (row) => ({
      taskId: row.integer('Task ID'),
      code: row.occupationCode(CODE),
      human: row.oneOf('human_exposure_agg', EXPOSURE),
      gpt4: row.oneOf('gpt4_exposure', EXPOSURE),
      gpt4Automation: row.optionalText('gpt4_automation') === null ? null : row.oneOf('gpt4_automation', AUTOMATION),
    }),
  );
  const automationPath = join(dir, GPTS_FILES.automation);
  const humanAutomation = existsSync(automationPath)
    ? await readRecords(automationPath, { ...tsv, requiredColumns: ['Task ID', 'human_automation'] }, (row) =>
        row.optionalText('human_automation') === null
          ? undefined
          : { taskId: row.integer('Task ID'), humanAutomation: row.oneOf('human_automation', AUTOMATION) },
      )
    : [];
  const scoreColumns = [
    'dv_rating_alpha',
    'dv_rating_beta',
    'dv_rating_gamma',
    'human_rating_alpha',
    'human_rating_beta',
    'human_rating_gamma',
  ];
  const publishedScores = await readRecords(
    join(dir, GPTS_FILES.occupationScores),
    { delimiter: ',', quoted: true, requiredColumns: [CODE, ...scoreColumns] },
    (row) => ({
      code: row.occupationCode(CODE),
      gpt4: {
        alpha: row.number('dv_rating_alpha'),
        beta: row.number('dv_rating_beta'),
        gamma: row.number('dv_rating_gamma'),
      },
      human: {
        alpha: row.number('human_rating_alpha'),
        beta: row.number('human_rating_beta'),
        gamma: row.number('human_rating_gamma'),
      },
    }),
  );
  const wagesFile = findWagesFile(dir);
  const wages = wagesFile
    ? await readRecords(
        wagesFile,
        {
          delimiter: ',',
          quoted: true,
          requiredColumns: ['OCC_CODE', 'OCC_TITLE', 'O_GROUP', 'TOT_EMP', 'A_MEDIAN', 'H_MEDIAN'],
        },
        (row) =>
          row.text('O_GROUP') === 'detailed'
            ? {
                soc: row.text('OCC_CODE'),
                title: row.text('OCC_TITLE'),
                employment: row.optionalNumber('TOT_EMP'),
                medianAnnual: row.optionalNumber('A_MEDIAN'),
                medianHourly: row.optionalNumber('H_MEDIAN'),
              }
            : undefined,
      )
    : [];
  const projectionsPath = join(dir, GPTS_FILES.projections);
  const projections = existsSync(projectionsPath)
    ? await readRecords(
        projectionsPath,
        { delimiter: ',', quoted: true, requiredColumns: ['occupation', 'pct_emp_change_2020_2030'] },
        (row) =>
          row.optionalText('pct_emp_change_2020_2030') === null
            ? undefined
            : { title: row.text('occupation'), pctChange: row.number('pct_emp_change_2020_2030') },
      )
    : [];
  return { taskLabels, humanAutomation, publishedScores, wages, wagesFile, projections };
}

import { basename, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { UpskillError } from '../domain/errors.js';
import { parsePostingDate, columnKey } from '../sources/postings/posting-layouts.js';
import { formatOfFile, readPostingFile, type PostingFileFormat } from '../sources/postings/posting-file.js';
import {
  finishPostingImport,
  listPostingImportErrors,
  savePostingImportErrors,
  saveTermCounts,
  setPostingImportTotals,
  startPostingImport,
  type PostingImportError,
  type PostingImportRun,
  type TermCountRow,
} from '../store/postings.repository.js';
import { fileFingerprint } from './import-postings.js';
import type { UpskillApp } from './upskill-app.js';

export interface ImportTermCountsResult {
  file: string;
  series: string;
  run: PostingImportRun;
  /** Rows written (a month and term imported again replaces the stored one). */
  stored: number;
  months: number;
  terms: number;
  errors: PostingImportError[];
}

// hn-hiringtrends writes month, posts, term, full_term, count; other series may say total and mentions.
const COLUMNS = {
  month: ['month', 'period', 'date'],
  posts: ['posts', 'total', 'totalposts', 'numcomments'],
  term: ['term', 'name', 'keyword'],
  rule: ['fullterm', 'rule', 'pattern'],
  mentions: ['count', 'mentions', 'matches'],
} as const;
const BATCH = 5000;

/**
 * Imports an already-aggregated term series (posts per month naming each term), such as
 * hn-hiringtrends' monthly_terms.csv. Each month and term is one row; bad rows are reported.
 */
export async function importTermCounts(
  app: UpskillApp,
  path: string,
  options: { series?: string; format?: PostingFileFormat } = {},
): Promise<ImportTermCountsResult> {
  const file = resolve(path);
  try {
    statSync(file);
  } catch {
    throw new UpskillError('NOT_FOUND', `No file at ${path}.`);
  }
  const format = options.format ?? formatOfFile(file) ?? 'csv';
  const series =
    options.series ??
    (basename(file) === 'monthly_terms.csv' ? 'hn-hiringtrends' : basename(file).replace(/\..*$/, ''));
  const db = app.database;
  const { run } = await startPostingImport(db, {
    dataset: series,
    file,
    fileFingerprint: fileFingerprint(file),
    layout: 'term-counts',
  });
  let batch: TermCountRow[] = [];
  let errors: PostingImportError[] = [];
  let stored = 0;
  let read = 0;
  let bad = 0;
  const months = new Set<string>();
  const terms = new Set<string>();
  let columnOf: Record<keyof typeof COLUMNS, string> | undefined;
  const flush = async (): Promise<void> => {
    stored += await saveTermCounts(db, batch);
    await savePostingImportErrors(db, run.id, errors);
    batch = [];
    errors = [];
  };
  try {
    for await (const row of readPostingFile(file, format)) {
      read++;
      if (row.error !== undefined) {
        bad++;
        errors.push({ line: row.line, field: row.field, message: row.error });
        continue;
      }
      columnOf ??= bindColumns(Object.keys(row.values));
      const value = (field: keyof typeof COLUMNS): string => (row.values[columnOf![field]] ?? '').trim();
      const problem = termRowProblem(value);
      if (problem) {
        bad++;
        errors.push({ line: row.line, field: columnOf[problem.field], message: problem.message });
        continue;
      }
      const month = parsePostingDate(value('month'))!.month;
      months.add(month);
      terms.add(value('term'));
      batch.push({
        series,
        month,
        term: value('term'),
        rule: value('rule') || null,
        posts: Number(value('posts')),
        mentions: Number(value('mentions')),
      });
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    await setPostingImportTotals(db, run.id, {
      rowsRead: read,
      rowsKept: read - bad,
      duplicates: 0,
      badRows: bad,
      resumeLine: 0,
    });
  } catch (error) {
    await finishPostingImport(db, run.id, 'failed').catch(() => undefined);
    throw error;
  }
  const done = await finishPostingImport(db, run.id, 'done');
  return {
    file,
    series,
    run: done,
    stored,
    months: months.size,
    terms: terms.size,
    errors: await listPostingImportErrors(db, run.id, 20),
  };
}

function bindColumns(header: readonly string[]): Record<keyof typeof COLUMNS, string> {
  const byKey = new Map(header.map((name) => [columnKey(name), name]));
  const bound = {} as Record<keyof typeof COLUMNS, string>;
  for (const [field, keys] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, readonly string[]][]) {
    const column = keys.map((key) => byKey.get(key)).find((name) => name !== undefined);
    if (column === undefined && field !== 'rule')
      throw new UpskillError('BAD_INPUT', `The file's columns (${header.join(', ')}) have no ${field} column.`, {
        hint: 'A term series needs month, posts, term and count (mentions) columns, as hn-hiringtrends/monthly_terms.csv has.',
      });
    bound[field] = column ?? '';
  }
  return bound;
}

function termRowProblem(
  value: (field: keyof typeof COLUMNS) => string,
): { field: keyof typeof COLUMNS; message: string } | undefined {
  if (!parsePostingDate(value('month')))
    return { field: 'month', message: `not a month: "${value('month').slice(0, 40)}"` };
  if (value('term') === '') return { field: 'term', message: 'the term is empty' };
  const posts = Number(value('posts'));
  if (!Number.isInteger(posts) || posts < 0 || value('posts') === '')
    return { field: 'posts', message: `not a count of posts: "${value('posts').slice(0, 40)}"` };
  const mentions = Number(value('mentions'));
  if (!Number.isInteger(mentions) || mentions < 0 || value('mentions') === '')
    return { field: 'mentions', message: `not a count: "${value('mentions').slice(0, 40)}"` };
  if (mentions > posts)
    return { field: 'mentions', message: `${mentions} posts name the term but the month has ${posts}` };
  return undefined;
}

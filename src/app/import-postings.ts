import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { UpskillError } from '../domain/errors.js';
import type { PostingDraft } from '../domain/market/posting-record.js';
import {
  enqueuePostingChunk,
  findFailedPostingJob,
  findPostingImport,
  finishPostingImport,
  listPostingImportErrors,
  queuedChunkState,
  type PostingChunk,
  saveImportBatch,
  startPostingImport,
  type ImportProgress,
  type PostingImportError,
  type PostingImportRun,
} from '../store/postings.repository.js';
import {
  formatOfFile,
  openPostingStream,
  readPostingFile,
  POSTING_FILE_FORMATS,
  type PostingFileFormat,
  type PostingFileRow,
} from '../sources/postings/posting-file.js';
import { BadPostingRow, bindLayout, draftOfRow, type BoundLayout } from '../sources/postings/posting-layouts.js';
import { openExtractionPool, type ExtractionPool } from './postings/extraction-pool.js';
import { loadPostingReaderInputs, type PostingReaderInputs } from './postings/posting-readers.js';
import type { UpskillApp } from './upskill-app.js';
import { installJobQueue, startJobWorker } from './jobs/job-worker.js';

export interface ImportPostingsOptions {
  format?: PostingFileFormat;
  /** A built-in layout by name; else found from the header. */
  layout?: string;
  /** "column=field" overrides of the layout. */
  map?: readonly string[];
  /** The dataset the postings are stored under; else the layout's, else the file's name. */
  dataset?: string;
  /** Extraction threads: 0 reads in this thread; the default is one per core. */
  threads?: number;
  /** Rows per batch: each batch is stored in one transaction and is the unit of resuming. */
  batchSize?: number;
  onProgress?: (progress: ImportProgressEvent) => void;
  /**
   * Split the import into jobs on the server's queue, for any `upskill worker` to take (default: on
   * a PostgreSQL server). The embedded store always imports in this process.
   */
  queue?: boolean;
  /** With the queue: take jobs in this process too (default), or only queue them and wait for the workers. */
  work?: boolean;
  /** For uploads: bytes a .gz file may inflate to. */
  maxInflatedBytes?: number;
  /** For uploads: the import stops (as failed, resumable) after this many milliseconds. */
  deadlineMs?: number;
}

/** What a long import reports after each stored batch. */
export interface ImportProgressEvent extends ImportProgress {
  file: string;
  bytesRead: number;
  totalBytes: number;
  elapsedMs: number;
  /** Rows per second in this run so far. */
  rate: number;
  /** Seconds left at this rate, from the share of the file read; null until there is a rate. */
  etaSeconds: number | null;
}

export interface ImportPostingsResult {
  file: string;
  layout: string;
  dataset: string;
  run: PostingImportRun;
  /** True when this call went on with a run a killed or failed import left behind. */
  resumed: boolean;
  /** The first bad rows (all of them are in the store; `upskill postings errors` lists them). */
  errors: PostingImportError[];
}

export const DEFAULT_BATCH_SIZE = 500;
/** Files under this many bytes are read in this thread: starting threads costs seconds each. */
const THREADS_WORTHWHILE_BYTES = 8 * 1024 * 1024;
const SHOWN_ERRORS = 20;

/** Imports a postings file, or every postings file of a folder (by name order). */
export async function importPostings(
  app: UpskillApp,
  path: string,
  options: ImportPostingsOptions = {},
): Promise<ImportPostingsResult[]> {
  const files = postingFilesAt(path, options.format);
  const results: ImportPostingsResult[] = [];
  for (const file of files) results.push(await importPostingFile(app, file, options));
  return results;
}

function postingFilesAt(path: string, format: PostingFileFormat | undefined): string[] {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new UpskillError('NOT_FOUND', `No file or folder at ${path}.`);
  }
  if (!stats.isDirectory()) return [resolve(path)];
  const files = readdirSync(path)
    .filter((name) => !name.startsWith('.') && (format !== undefined || formatOfFile(name) !== undefined))
    .sort()
    .map((name) => resolve(join(path, name)))
    .filter((file) => statSync(file).isFile());
  if (files.length === 0)
    throw new UpskillError(
      'BAD_INPUT',
      `${path} holds no postings file (.csv, .tsv, .jsonl, .ndjson, .json, or .gz of one).`,
    );
  return files;
}

/** Size and the SHA-1 of the first and last MiB: the same file however it is named, fast at any size. */
export function fileFingerprint(file: string): string {
  const size = statSync(file).size;
  const hash = createHash('sha1').update(String(size));
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(Math.min(size, 1 << 20));
    hash.update(chunk.subarray(0, readSync(fd, chunk, 0, chunk.length, 0)));
    if (size > chunk.length) hash.update(chunk.subarray(0, readSync(fd, chunk, 0, chunk.length, size - chunk.length)));
  } finally {
    closeSync(fd);
  }
  return `${size}:${hash.digest('hex')}`;
}

function formatFor(file: string, format: PostingFileFormat | undefined): PostingFileFormat {
  const found = format ?? formatOfFile(file);
  if (!found)
    throw new UpskillError('BAD_INPUT', `${basename(file)}: the format cannot be told from the name.`, {
      hint: `Give --format ${POSTING_FILE_FORMATS.join('|')}.`,
    });
  return found;
}

const datasetOfFile = (file: string): string =>
  basename(file)
    .replace(/(\.gz)?$/i, '')
    .replace(/\.[^.]+$/, '');

interface InFlight {
  records: ReturnType<ExtractionPool['extract']>;
  errors: PostingImportError[];
  rows: number;
  lastLine: number;
}

/** Imports one file: streamed, read on every core, stored batch by batch, resumable after a kill. */
export async function importPostingFile(
  app: UpskillApp,
  path: string,
  options: ImportPostingsOptions = {},
): Promise<ImportPostingsResult> {
  const file = resolve(path);
  const format = formatFor(file, options.format);
  const totalBytes = statSync(file).size;
  let bytesRead = 0;
  const input = openPostingStream(
    file,
    (bytes) => (bytesRead = bytes),
    options.maxInflatedBytes === undefined ? {} : { maxInflatedBytes: options.maxInflatedBytes },
  );
  if (options.deadlineMs !== undefined) {
    const seconds = options.deadlineMs / 1000;
    const timer = setTimeout(
      () =>
        input.destroy(
          new UpskillError('DOCUMENT_TIMEOUT', `${basename(file)}: the import took longer than ${seconds} s.`, {
            hint: 'Import a large file with the CLI (`upskill postings import`): it has no time limit and resumes.',
          }),
        ),
      options.deadlineMs,
    );
    input.once('close', () => clearTimeout(timer));
  }
  const rows = readPostingFile(file, format, input)[Symbol.asyncIterator]();
  // The layout is bound on the first readable row's columns (a JSON file has no header of its own).
  const peeked: PostingFileRow[] = [];
  let bound: BoundLayout | undefined;
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    peeked.push(next.value);
    if (next.value.values) {
      bound = bindLayout(Object.keys(next.value.values), {
        ...(options.layout ? { layout: options.layout } : {}),
        ...(options.map ? { map: options.map } : {}),
      });
      break;
    }
  }
  const layoutName = bound?.layout.name ?? options.layout ?? 'none';
  const layoutKey = options.map?.length ? `${layoutName} ${options.map.join(';')}` : layoutName;
  const dataset = options.dataset ?? bound?.layout.dataset ?? datasetOfFile(file);
  const db = app.database;
  const { run, resumed } = await startPostingImport(db, {
    dataset,
    file,
    fileFingerprint: fileFingerprint(file),
    layout: layoutKey,
  });

  const queued = (options.queue ?? db.kind === 'postgres') && bound !== undefined;
  if (queued) {
    const opened = { file, layoutName, dataset, run, resumed, bound: bound!, peeked, rows, totalBytes };
    return importThroughQueue(app, { ...opened, bytes: () => bytesRead }, options);
  }
  const threads = options.threads ?? (totalBytes >= THREADS_WORTHWHILE_BYTES ? Math.max(1, availableParallelism()) : 0);
  let inputs: Promise<PostingReaderInputs> | undefined;
  const pool = bound
    ? await openExtractionPool(
        () => (inputs ??= loadPostingReaderInputs(db)),
        async () => ({ extractor: await app.skillExtractor(), titles: await app.titleIndex(), clearTitles: new Map() }),
        threads,
      )
    : undefined;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const started = Date.now();
  let totals: ImportProgress = {
    rowsRead: run.rowsRead,
    rowsKept: run.rowsKept,
    duplicates: run.duplicates,
    badRows: run.badRows,
    resumeLine: run.resumeLine,
  };
  const rowsAtStart = totals.rowsRead;
  const inFlight: InFlight[] = [];
  const maxInFlight = Math.max(1, pool?.threads ?? 0) + 1;

  const commit = async (): Promise<void> => {
    const batch = inFlight.shift()!;
    const records = await batch.records;
    totals = await saveImportBatch(db, run.id, records, batch.errors, (saved) => ({
      rowsRead: totals.rowsRead + batch.rows,
      rowsKept: totals.rowsKept + saved.kept,
      duplicates: totals.duplicates + saved.duplicates,
      badRows: totals.badRows + batch.errors.length,
      resumeLine: batch.lastLine,
    }));
    if (options.onProgress) {
      const elapsedMs = Date.now() - started;
      const rate = ((totals.rowsRead - rowsAtStart) / Math.max(elapsedMs, 1)) * 1000;
      const share = totalBytes > 0 ? bytesRead / totalBytes : 1;
      const etaSeconds = rate > 0 && share > 0 ? Math.max(0, ((elapsedMs / 1000) * (1 - share)) / share) : null;
      options.onProgress({ ...totals, file, bytesRead, totalBytes, elapsedMs, rate, etaSeconds });
    }
  };

  let drafts: PostingDraft[] = [];
  let errors: PostingImportError[] = [];
  let rowsInBatch = 0;
  let lastLine = totals.resumeLine;
  const dispatch = async (): Promise<void> => {
    if (rowsInBatch === 0) return;
    const records = pool && drafts.length > 0 ? pool.extract(dataset, drafts) : Promise.resolve([]);
    // An extraction that fails is awaited in commit(); until then it must not count as unhandled.
    records.catch(() => undefined);
    inFlight.push({ records, errors, rows: rowsInBatch, lastLine });
    drafts = [];
    errors = [];
    rowsInBatch = 0;
    while (inFlight.length >= maxInFlight) await commit();
  };

  const take = (row: PostingFileRow): void => {
    if (row.line <= run.resumeLine) return;
    rowsInBatch++;
    lastLine = row.line;
    if (row.error !== undefined) {
      errors.push({ line: row.line, field: row.field, message: row.error });
      return;
    }
    try {
      drafts.push(draftOfRow(bound!, row.line, row.values));
    } catch (error) {
      if (!(error instanceof BadPostingRow)) throw error;
      errors.push({ line: row.line, field: error.field, message: error.message });
    }
  };

  try {
    for (const row of peeked) {
      take(row);
      if (rowsInBatch >= batchSize) await dispatch();
    }
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      take(next.value);
      if (rowsInBatch >= batchSize) await dispatch();
    }
    await dispatch();
    while (inFlight.length > 0) await commit();
  } catch (error) {
    await Promise.allSettled(inFlight.map((batch) => batch.records));
    await finishPostingImport(db, run.id, 'failed').catch(() => undefined);
    throw error;
  } finally {
    await rows.return?.(undefined);
    await pool?.close();
  }
  const done = await finishPostingImport(db, run.id, 'done');
  return {
    file,
    layout: layoutName,
    dataset,
    run: done,
    resumed,
    errors: await listPostingImportErrors(db, run.id, SHOWN_ERRORS),
  };
}

interface OpenedImport {
  file: string;
  layoutName: string;
  dataset: string;
  run: PostingImportRun;
  resumed: boolean;
  bound: BoundLayout;
  peeked: PostingFileRow[];
  rows: AsyncIterator<PostingFileRow>;
  totalBytes: number;
  bytes: () => number;
}

const QUEUE_POLL_MS = 500;

/**
 * The import as jobs: this process reads the file and queues its batches (each with the run's resume
 * line, atomically), workers anywhere read and store them, and this process waits for the last one.
 */
async function importThroughQueue(
  app: UpskillApp,
  opened: OpenedImport,
  options: ImportPostingsOptions,
): Promise<ImportPostingsResult> {
  const { file, dataset, run, bound, rows } = opened;
  const db = app.database;
  await installJobQueue(app);
  const threads =
    options.threads ?? (opened.totalBytes >= THREADS_WORTHWHILE_BYTES ? Math.max(1, availableParallelism()) : 0);
  const runner = options.work === false ? undefined : await startJobWorker(app, { threads });
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const started = Date.now();
  let queuedRows = 0;
  const report = async (): Promise<void> => {
    if (!options.onProgress) return;
    const now = (await findPostingImport(db, run.id))!;
    const elapsedMs = Date.now() - started;
    const rate = ((now.rowsRead - run.rowsRead) / Math.max(elapsedMs, 1)) * 1000;
    // The work done is the share of the file read times the share of the queued rows stored.
    const stored = queuedRows > 0 ? Math.min(1, (now.rowsRead - run.rowsRead) / queuedRows) : 0;
    const share = (opened.totalBytes > 0 ? opened.bytes() / opened.totalBytes : 1) * stored;
    options.onProgress({
      rowsRead: now.rowsRead,
      rowsKept: now.rowsKept,
      duplicates: now.duplicates,
      badRows: now.badRows,
      resumeLine: now.resumeLine,
      file,
      bytesRead: opened.bytes(),
      totalBytes: opened.totalBytes,
      elapsedMs,
      rate,
      etaSeconds: rate > 0 && share > 0 ? Math.max(0, ((elapsedMs / 1000) * (1 - share)) / share) : null,
    });
  };
  let chunk: PostingChunk = { importId: run.id, dataset, firstLine: 0, lastLine: 0, rows: 0, drafts: [], errors: [] };
  const flush = async (): Promise<void> => {
    if (chunk.rows === 0) return;
    await enqueuePostingChunk(db, chunk);
    queuedRows += chunk.rows;
    chunk = { importId: run.id, dataset, firstLine: 0, lastLine: 0, rows: 0, drafts: [], errors: [] };
    await report();
  };
  const take = async (row: PostingFileRow): Promise<void> => {
    if (row.line <= run.resumeLine) return;
    if (chunk.rows === 0) chunk.firstLine = row.line;
    chunk.rows++;
    chunk.lastLine = row.line;
    if (row.error !== undefined) chunk.errors.push({ line: row.line, field: row.field, message: row.error });
    else {
      try {
        chunk.drafts.push(draftOfRow(bound, row.line, row.values));
      } catch (error) {
        if (!(error instanceof BadPostingRow)) throw error;
        chunk.errors.push({ line: row.line, field: error.field, message: error.message });
      }
    }
    if (chunk.rows >= batchSize) await flush();
  };
  try {
    for (const row of opened.peeked) await take(row);
    for (let next = await rows.next(); !next.done; next = await rows.next()) await take(next.value);
    await flush();
    for (;;) {
      const state = await queuedChunkState(db, run.id);
      if (state.waiting === 0) break;
      const failed = await findFailedPostingJob(db, run.id);
      if (failed)
        throw new UpskillError(
          'STORE_FAILED',
          `A queued batch of ${basename(file)} failed every attempt: ${failed.lastError}`,
          {
            hint: 'Fix the cause (see the workers’ output) and run the same import again: it goes on where it stopped.',
          },
        );
      await report();
      await new Promise((resolve) => setTimeout(resolve, QUEUE_POLL_MS));
    }
  } catch (error) {
    await finishPostingImport(db, run.id, 'failed').catch(() => undefined);
    throw error;
  } finally {
    await rows.return?.(undefined);
    await runner?.stop();
  }
  const done = await finishPostingImport(db, run.id, 'done');
  return {
    file,
    layout: opened.layoutName,
    dataset,
    run: done,
    resumed: opened.resumed,
    errors: await listPostingImportErrors(db, run.id, SHOWN_ERRORS),
  };
}

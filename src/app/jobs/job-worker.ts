import { Logger, run, runMigrations, type Runner, type Task } from 'graphile-worker';
import { openExtractionPool, type ExtractionPool } from '../postings/extraction-pool.js';
import { loadPostingReaderInputs } from '../postings/posting-readers.js';
import { UpskillError } from '../../domain/errors.js';
import { POSTING_CHUNK_JOB, type PostingChunk } from '../../store/postings.repository.js';
import type { UpskillApp } from '../upskill-app.js';
import { runPostingChunkJob } from './posting-chunk-job.js';

// graphile-worker logs every job at info level; a worker's own output is the errors and warnings.
const quietLogger = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning') process.stderr.write(`worker ${level}: ${message}\n`);
});

function serverUrl(app: UpskillApp): string {
  if (app.database.kind !== 'postgres' || !app.config.databaseUrl)
    throw new UpskillError('CONFIG_INVALID', 'The job queue needs a PostgreSQL server.', {
      hint: 'Set DATABASE_URL to the server every worker shares; on the embedded store imports run in this process.',
    });
  return app.config.databaseUrl;
}

/** Creates the queue's own schema (graphile_worker) on the server when it is not there yet. */
export async function installJobQueue(app: UpskillApp): Promise<void> {
  await runMigrations({ connectionString: serverUrl(app), logger: quietLogger });
}

/** The job handlers by kind: one per kind of long work. */
function taskList(app: UpskillApp, pool: () => Promise<ExtractionPool>): Record<string, Task> {
  return {
    [POSTING_CHUNK_JOB]: async (payload) => {
      await runPostingChunkJob(app.database, await pool(), payload as PostingChunk);
    },
  };
}

/**
 * Starts taking jobs from the queue on the server. With `threads` the batches are read on that many
 * extraction threads (one job per thread at a time); without, one job at a time in this thread.
 * The returned `stop` waits for the jobs in hand and closes the threads.
 */
export async function startJobWorker(
  app: UpskillApp,
  options: { threads?: number } = {},
): Promise<{ stop(): Promise<void>; promise: Promise<void> }> {
  const connectionString = serverUrl(app);
  await installJobQueue(app);
  const threads = options.threads ?? 0;
  let pool: Promise<ExtractionPool> | undefined;
  const poolOnce = (): Promise<ExtractionPool> =>
    (pool ??= openExtractionPool(
      () => loadPostingReaderInputs(app.database),
      async () => ({ extractor: await app.skillExtractor(), titles: await app.titleIndex(), clearTitles: new Map() }),
      threads,
    ));
  const runner: Runner = await run({
    connectionString,
    concurrency: Math.max(1, threads),
    noHandleSignals: true,
    pollInterval: 500,
    logger: quietLogger,
    taskList: taskList(app, poolOnce),
  });
  const closePool = async (): Promise<void> => {
    if (pool) await (await pool).close();
  };
  return {
    stop: async () => {
      await runner.stop();
      await closePool();
    },
    promise: runner.promise.finally(closePool),
  };
}

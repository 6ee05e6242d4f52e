import { Logger, run, runMigrations, type Runner, type Task } from 'graphile-worker';
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
function taskList(app: UpskillApp): Record<string, Task> {
  let readers:
    | Promise<{
        extractor: Awaited<ReturnType<UpskillApp['skillExtractor']>>;
        titles: Awaited<ReturnType<UpskillApp['titleIndex']>>;
      }>
    | undefined;
  return {
    [POSTING_CHUNK_JOB]: async (payload) => {
      readers ??= (async () => ({
        extractor: await app.skillExtractor(),
        titles: await app.titleIndex(),
        clearTitles: new Map(),
      }))();
      await runPostingChunkJob(app.database, await readers, payload as PostingChunk);
    },
  };
}

/**
 * Starts taking jobs from the queue on the server: `concurrency` at a time in this process (jobs
 * are CPU-bound, so run one process per core rather than a high concurrency).
 */
export async function startJobWorker(app: UpskillApp, options: { concurrency?: number } = {}): Promise<Runner> {
  const connectionString = serverUrl(app);
  await installJobQueue(app);
  return run({
    connectionString,
    concurrency: options.concurrency ?? 1,
    noHandleSignals: true,
    pollInterval: 500,
    logger: quietLogger,
    taskList: taskList(app),
  });
}

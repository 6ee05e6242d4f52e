import { availableParallelism } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import pc from 'picocolors';
import { startJobWorker } from '../../app/jobs/job-worker.js';
import { WORKER_NAME } from '../../app/jobs/posting-chunk-job.js';
import { withApp } from '../with-app.js';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('take jobs (batches of a postings import) from the queue on the PostgreSQL server in DATABASE_URL')
    .option(
      '--threads <n>',
      'extraction threads, one job each at a time (default: one per core; 0 = one job at a time in this thread)',
      (value: string) => {
        const number = Number(value);
        if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError('a whole number of at least 0.');
        return number;
      },
      availableParallelism(),
    )
    .addHelpText(
      'after',
      `
Start one per machine (it reads on every core), on this machine or others that reach the same
server; each takes the next job when a thread is free. Ctrl-C or SIGTERM stops it after the jobs in
hand; a job a crashed worker held is taken again after the queue's lock timeout (4 hours).

Example:
  DATABASE_URL=postgresql://upskill@db.internal/upskill upskill worker &
  DATABASE_URL=postgresql://upskill@db.internal/upskill upskill postings import big.csv.gz --no-work`,
    )
    .action(async (options: { threads: number }) => {
      await withApp(async (app) => {
        const runner = await startJobWorker(app, { threads: options.threads });
        process.stderr.write(`${pc.cyan('›')} worker ${WORKER_NAME} is taking jobs (Ctrl-C to stop)\n`);
        const stop = (): void => {
          void runner.stop();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        await runner.promise;
      });
    });
}

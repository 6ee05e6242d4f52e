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
      '--concurrency <n>',
      'jobs at a time in this process (they are CPU-bound: start one process per core instead)',
      (value: string) => {
        const number = Number(value);
        if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('a whole number of at least 1.');
        return number;
      },
      1,
    )
    .addHelpText(
      'after',
      `
Start as many as you like, on this machine or others that reach the same server; each takes the next
job when it is free, and a job a stopped worker held is taken again by another. Stops on Ctrl-C or SIGTERM
after the job in hand.

Example:
  DATABASE_URL=postgresql://upskill@db.internal/upskill upskill worker &
  DATABASE_URL=postgresql://upskill@db.internal/upskill upskill postings import big.csv.gz --no-work`,
    )
    .action(async (options: { concurrency: number }) => {
      await withApp(async (app) => {
        const runner = await startJobWorker(app, { concurrency: options.concurrency });
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

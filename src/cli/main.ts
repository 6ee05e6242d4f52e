#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { VERSION } from '../app/config.js';
import { about } from '../app/data-status.js';
import { isUpskillError } from '../domain/errors.js';
import { registerDataCommands } from './commands/data-command.js';
import { registerOccupationCommands } from './commands/occupations-command.js';
import { registerServeCommand } from './commands/serve-command.js';
import { registerSkillCommands } from './commands/skills-command.js';
import { registerPlanCommands } from './commands/plan-command.js';
import { registerAccountCommands } from './commands/accounts-command.js';
import { registerCoachCommand } from './commands/coach-command.js';
import { registerMarketCommands } from './commands/market-command.js';
import { registerPostingCommands } from './commands/postings-command.js';
import { registerWorkerCommand } from './commands/worker-command.js';
import { registerOrgCommands } from './commands/org-command.js';
import { registerOrgCohortCommands } from './commands/org-cohort-command.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { printJson, withApp } from './with-app.js';

// `upskill … | head` closes the pipe early: the reader has what it wanted, so end quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const program = new Command('upskill')
  .version(VERSION)
  .description(
    'Where generative AI touches your job, task by task — from public O*NET and GPTs-are-GPTs data, offline.',
  )
  .exitOverride()
  .showHelpAfterError('(run with --help for usage)')
  .addHelpText(
    'after',
    `
Start here:
  upskill data load                              load the public datasets (once)
  upskill occupations search "sr mktg specialist"
  upskill occupation 13-1161.00                  tasks and their exposure to generative AI
  upskill skills extract resume.pdf              skills found in a résumé, with evidence
  upskill plan --title "accountant" --resume cv.pdf --hours 5   a dated learning plan
  upskill coach "which should I learn first?" --title "nurse"   the AI coach (offline without a model)
  upskill serve                                  HTTP API on http://127.0.0.1:3000
  upskill postings import postings.csv           job postings (a sample of the market) for demand analytics

Environment:
  UPSKILL_HOME      data folder (default ~/.upskill): embedded database and download cache
  DATABASE_URL      use this PostgreSQL server instead of the embedded database
  UPSKILL_DATA_DIR  folder of public datasets to load from
  PORT, HOST        where \`serve\` listens (default 127.0.0.1:3000)
  UPSKILL_TEAM=1    \`serve\` as a team server with accounts (as --team)
  UPSKILL_LLM_PROVIDER, UPSKILL_LLM_BASE_URL, UPSKILL_LLM_MODEL, UPSKILL_LLM_API_KEY
                    the coach's model (openai or ollama); setting them turns the coach on for the CLI

Exit codes: 0 ok · 1 unexpected failure · 2 bad input or usage · 3 not found / no (clear) match ·
            4 data missing or invalid · 5 database unavailable · 6 the model provider failed`,
  );

registerDataCommands(program);
registerOccupationCommands(program);
registerSkillCommands(program);
registerPlanCommands(program);
registerCoachCommand(program);
registerServeCommand(program);
registerAccountCommands(program);
registerMarketCommands(program);
registerPostingCommands(program);
registerWorkerCommand(program);
registerOrgCohortCommands(registerOrgCommands(program));
program
  .command('about')
  .description('version, loaded data and the attribution of every source')
  .option('--json', 'print as JSON')
  .action(async (options: { json?: boolean }) => {
    await withApp(async (app) => {
      const info = await about(app, VERSION);
      if (options.json) return printJson(info);
      process.stdout.write(`Upskill ${info.version}\n\nData loaded:\n`);
      for (const source of info.data)
        process.stdout.write(`  ${source.source} ${source.version} (${source.loadedAt})\n`);
      if (info.data.length === 0) process.stdout.write('  nothing yet — run `upskill data load`\n');
      process.stdout.write('\nAttribution:\n');
      for (const item of info.attribution) process.stdout.write(`  ${item.source} (${item.licence}): ${item.text}\n`);
    });
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (isUpskillError(error)) {
    process.stderr.write(
      `${pc.red('error:')} ${error.message}\n${error.hint ? `${pc.dim('hint:')} ${error.hint}\n` : ''}`,
    );
    process.exitCode = exitCodeFor(error.code);
  } else {
    process.stderr.write(`${pc.red('unexpected error:')} ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT.failure;
  }
}

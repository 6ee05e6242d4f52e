import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import Table from 'cli-table3';
import pc from 'picocolors';
import { assignCohortPlan } from '../../app/assign-cohort-plan.js';
import { today } from '../../app/build-plan.js';
import { cohortCsv, cohortDashboard, COHORT_DEFINITIONS, listVisibleCohorts } from '../../app/cohort-dashboard.js';
import type { Principal } from '../../domain/access/index.js';
import { printJson, withApp } from '../with-app.js';

/** The CLI works on its own store with the store's own authority, as the other org commands do. */
const CONSOLE: Principal = { kind: 'personal' };

const date = (value: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new InvalidArgumentError('must be a date like 2026-12-07.');
  return value;
};
const wholeHours = (value: string): number => {
  const hours = Number(value);
  if (!Number.isInteger(hours)) throw new InvalidArgumentError('must be a whole number of hours a week.');
  return hours;
};
const hours = (value: number): string => `${Number.isInteger(value) ? value : value.toFixed(1)} h`;

/** `upskill org cohort create|list|show|export`: cohort plans and their progress (issue 13, item 5). */
export function registerOrgCohortCommands(org: Command): void {
  const cohort = org
    .command('cohort')
    .description('give one learning plan to a team or a selection of people, and follow their progress')
    .addHelpText(
      'after',
      `
Each member gets a personal plan of their own (a profile: \`upskill profile list\`), starting the same
day; they tick it off as usual (\`upskill progress\`). The cohort measures them against the plan as assigned.

Examples:
  upskill org cohort create "Finance AI" --team Finance --start 2026-12-07
  upskill org cohort create "Pilot" --people E001,E007 --target ai-content-creator --hours 4
  upskill org cohort show "Finance AI"            who is behind plan, hours spent vs planned, by team and week
  upskill org cohort export "Finance AI" -o finance-ai.csv`,
    );
  cohort
    .command('create <name>')
    .description('assign a plan to a roster team (--team) or to people (--people id,id,…)')
    .option('--team <team>', 'every person of this roster team')
    .option('--people <ids>', 'these person ids, comma-separated', (value: string) => value.split(','))
    .option('--target <role>', 'ai-augmented (each person’s own job with AI; default) or a target role id')
    .option('--start <date>', 'first day of week 1 (default today)', date)
    .option(
      '--hours <n>',
      "every member's weekly hours (default: each person's roster learning hours, else 3)",
      wholeHours,
    )
    .option('--json', 'print as JSON')
    .action(
      async (
        name: string,
        options: { team?: string; people?: string[]; target?: string; start?: string; hours?: number; json?: boolean },
      ) => {
        await withApp(async (app) => {
          const assigned = await assignCohortPlan(app, CONSOLE, {
            name,
            ...(options.team !== undefined ? { team: options.team } : {}),
            ...(options.people !== undefined ? { people: options.people } : {}),
            ...(options.target !== undefined ? { target: options.target } : {}),
            ...(options.start !== undefined ? { startDate: options.start } : {}),
            ...(options.hours !== undefined ? { hoursPerWeek: options.hours } : {}),
          });
          if (options.json) return printJson(assigned);
          const total = assigned.members.reduce((sum, m) => sum + m.plannedHours, 0);
          process.stdout.write(
            `${pc.green('✓')} Cohort "${assigned.cohort.name}" (${assigned.cohort.id}) starts ${assigned.cohort.startDate}: ` +
              `${assigned.members.length} personal plans, ${hours(Math.round(total * 10) / 10)} planned in all.\n`,
          );
          for (const skipped of assigned.skipped)
            process.stdout.write(`  ${pc.yellow('skipped')} ${skipped.personKey}: ${skipped.reason}\n`);
        });
      },
    );
  cohort
    .command('list')
    .description('the cohorts, newest first')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await withApp(async (app) => {
        const all = await listVisibleCohorts(app, CONSOLE);
        if (options.json) return printJson(all);
        if (all.length === 0) {
          process.stdout.write('No cohorts yet — `upskill org cohort create <name> --team <team>` makes one.\n');
          return;
        }
        const table = new Table({ head: ['id', 'name', 'group', 'target', 'starts', 'members'] });
        for (const c of all)
          table.push([c.id, c.name, c.team ?? 'a selection', c.target, c.startDate, String(c.members)]);
        process.stdout.write(`${table.toString()}\n`);
      });
    });
  cohort
    .command('show <cohort>')
    .description('progress by member, team and week: who is behind plan, hours spent vs planned')
    .option('--as-of <date>', 'measure as on this day (default today)', date)
    .option('--json', 'print as JSON')
    .action(async (idOrName: string, options: { asOf?: string; json?: boolean }) => {
      await withApp(async (app) => {
        const dashboard = await cohortDashboard(app, CONSOLE, idOrName, options.asOf ?? today());
        if (options.json) return printJson(dashboard);
        const { cohort: c, progress } = dashboard;
        const t = progress.totals;
        process.stdout.write(
          `${pc.bold(c.name)} — week ${progress.week} on ${progress.asOf} (started ${c.startDate})\n` +
            `${t.members} members: ${t.behind} behind plan, ${t.onTrack} on track, ${t.finished} finished` +
            `${t.notStartedYet ? `, ${t.notStartedYet} not started yet` : ''}.\n` +
            `Hours: ${hours(t.plannedToDateHours)} planned to date, ${hours(t.doneHours)} of plan done, ` +
            `${hours(t.spentHours)} spent (of ${hours(t.plannedHours)} planned in all).\n\n`,
        );
        const members = new Table({
          head: ['person', 'team', 'status', 'planned to date', 'done', 'spent', 'behind', 'last activity'],
        });
        for (const m of progress.members)
          members.push([
            `${m.name} (${m.personKey})`,
            m.team ?? '',
            m.status === 'behind' ? pc.red(m.status) : m.status,
            hours(m.plannedToDateHours),
            hours(m.doneHours),
            hours(m.spentHours),
            hours(m.behindHours),
            m.lastActivity?.slice(0, 10) ?? 'none',
          ]);
        process.stdout.write(`${members.toString()}\n\nBy team and week (cumulative planned / done):\n`);
        const weeks = new Table({
          head: ['team', 'week', 'starts', 'planned', 'done', 'spent', 'cum. planned', 'cum. done'],
        });
        for (const w of progress.weeks)
          weeks.push([
            w.team,
            String(w.week),
            w.start,
            hours(w.plannedHours),
            hours(w.doneHours),
            hours(w.spentHours),
            hours(w.cumulativePlannedHours),
            hours(w.cumulativeDoneHours),
          ]);
        process.stdout.write(`${weeks.toString()}\n\n`);
        for (const [word, meaning] of Object.entries(COHORT_DEFINITIONS))
          process.stdout.write(pc.dim(`${word}: ${meaning}\n`));
      });
    });
  cohort
    .command('export <cohort>')
    .description("the members' progress as CSV (to stdout, or -o FILE)")
    .option('--as-of <date>', 'measure as on this day (default today)', date)
    .option('-o, --output <file>', 'write to this file')
    .action(async (idOrName: string, options: { asOf?: string; output?: string }) => {
      await withApp(async (app) => {
        const csv = await cohortCsv(app, CONSOLE, idOrName, options.asOf ?? today());
        if (!options.output) return void process.stdout.write(csv);
        writeFileSync(options.output, csv);
        process.stdout.write(`${pc.green('✓')} ${csv.split('\r\n').length - 2} members written to ${options.output}\n`);
      });
    });
}

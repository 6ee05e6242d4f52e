import { readFileSync, writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import pc from 'picocolors';
import { UpskillError } from '../../domain/errors.js';
import type { Principal } from '../../domain/access/index.js';
import type { GroupBy } from '../../domain/workforce/index.js';
import { personDetail, setTeamTarget, workforceReadiness } from '../../app/assess-workforce.js';
import { createDemoCompany } from '../../app/create-demo-company.js';
import {
  benchMatches,
  decideStaffingForGaps,
  importBench,
  parseAssumptions,
  saveStaffingScenario,
} from '../../app/decide-staffing.js';
import { readinessToCsv, readinessToXlsx } from '../../app/export-readiness.js';
import {
  confirmOccupations,
  importRoster,
  parseConfirmations,
  previewRoster,
  rosterPeople,
} from '../../app/import-roster.js';
import { mobilityFor } from '../../app/rank-mobility.js';
import { printJson, withApp } from '../with-app.js';

/** The CLI works on the store at this machine: the person at it sees everything, as in personal mode. */
const LOCAL: Principal = { kind: 'personal' };
const collect = (value: string, previous: string[] = []) => [...previous, value];
const GROUPS = ['team', 'department', 'level'];
const parseGroup = (value: string): GroupBy => {
  if (!GROUPS.includes(value)) throw new InvalidArgumentError(`give one of ${GROUPS.join(', ')}`);
  return value as GroupBy;
};
const parseCount = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new InvalidArgumentError('give a whole number from 1');
  return n;
};
const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
const num = (value: number | null) => (value === null ? '–' : String(value));

export function registerOrgCommands(program: Command): Command {
  const org = program
    .command('org')
    .description('the organisation: import a roster, readiness, upskill/hire/freelance decisions, mobility')
    .addHelpText(
      'after',
      `
Start with a fictional company to see how it works, then import your own roster:
  upskill org demo
  upskill org readiness --by department
  upskill org decide --team "Support Tier 1"
  upskill org import roster.xlsx --map "Staff no=personKey" --resumes ./cvs

Readiness (0–100) = 100 × Σ weight × min(1, current level ÷ required level) over the skills of each
person's target (the AI-augmented version of their own job unless their team aims at a role), averaged
over a group. Every default assumption of a decision is in docs/staffing-assumptions.md with its source.`,
    );

  org
    .command('import')
    .description('import a roster (CSV or XLSX); people are updated in place by their person id')
    .argument('<roster>', 'roster.csv or roster.xlsx')
    .option('--map <column=field>', 'read a column as a field (repeatable), e.g. "Staff no=personKey"', collect)
    .option(
      '--resumes <dir>',
      'a folder of résumés (PDF, DOCX, text), matched by the person id or name in the file name',
    )
    .option('--preview', 'show how the columns would be read, without importing')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      `
Columns are found by name: "Employee ID"/"person id", "Name", "Email", "Job Title", "Dept", "Team",
"Manager" (their person id), "Grade"/"Level", "Years in role", "Hours for learning", "Skills", "Target".
Skills with levels (0 none … 4 can lead, or the level's name) in one column ("Python:3; SQL:2") or one
column per skill ("Python" with 3 in the cell). Fields for --map: personKey name email title team
department managerKey level yearsInRole location learningHoursPerWeek skills target, skill:<id>, ignore.
Levels: the roster's win over a résumé's, which win over O*NET's defaults for the occupation.

Examples:
  upskill org import people.csv
  upskill org import hr-export.xlsx --map "Staff no=personKey" --map "Position=title" --preview`,
    )
    .action(async (file: string, options: { map?: string[]; resumes?: string; preview?: boolean; json?: boolean }) =>
      withApp(async (app) => {
        if (options.preview) {
          const preview = await previewRoster(app, { path: file }, { map: options.map ?? [] });
          if (options.json) return printJson(preview);
          for (const c of preview.columns)
            process.stdout.write(
              `  ${c.header.padEnd(24)} ${pc.bold(c.field ?? pc.dim('ignored'))}  ${pc.dim(`(${c.how}) ${c.sample.join(' | ')}`)}\n`,
            );
          if (preview.missing.length) process.stdout.write(pc.red(`missing: ${preview.missing.join(', ')}\n`));
          for (const p of preview.problems)
            process.stdout.write(`  ${p.file}, line ${p.line}, ${p.column}: ${p.message}\n`);
          return;
        }
        const report = await importRoster(
          app,
          { path: file },
          {
            map: options.map ?? [],
            ...(options.resumes ? { resumes: { dir: options.resumes } } : {}),
            onProgress: ({ rows, stage }) =>
              process.stderr.write(`${pc.cyan('›')} ${stage} ${rows.toLocaleString('en-US')} people\n`),
          },
        );
        if (options.json) return printJson(report);
        process.stdout.write(
          `Imported ${report.rows} people from ${report.file} (${report.added} new, ${report.updated} updated) in ${report.seconds} s.\n` +
            `Titles: ${report.titles.resolved} clear, ${report.titles.lowConfidence} to confirm ` +
            `(\`upskill org people --unconfirmed\`), ${report.titles.unresolved} without an occupation.\n` +
            `Skill levels: ${report.skills.roster} from the roster, ${report.skills.resume} from résumés, ` +
            `${report.skills.onetDefault} O*NET defaults.\n`,
        );
        if (report.skills.unknown.length)
          process.stdout.write(`Skills the graph does not know: ${report.skills.unknown.join(', ')}\n`);
        if (report.rejectedCount) {
          process.stdout.write(pc.yellow(`${report.rejectedCount} problems; these rows were not imported:\n`));
          for (const p of report.rejected)
            process.stdout.write(`  ${p.file}, line ${p.line}, ${p.column ?? '-'}: ${p.message}\n`);
        }
        if (report.resumes.unmatched.length)
          process.stdout.write(`Résumés matched to nobody: ${report.resumes.unmatched.join(', ')}\n`);
      }),
    );

  org
    .command('people')
    .description('list the roster; --unconfirmed lists the titles to confirm, with the occupations they could be')
    .option('--unconfirmed', 'only titles whose match was not clear')
    .option('--team <team>', 'only one team ("(none)": people with no team)')
    .option('--department <department>', 'only one department')
    .option('--level <level>', 'only one level or grade')
    .option('-n, --limit <n>', 'how many', parseCount, 100)
    .option('--json', 'print as JSON')
    .addHelpText(
      'after',
      '\nConfirm with: upskill org confirm E12=13-2011.00 E40=43-4051.00 (or --file confirmations.txt)',
    )
    .action(
      async (options: {
        unconfirmed?: boolean;
        team?: string;
        department?: string;
        level?: string;
        limit: number;
        json?: boolean;
      }) =>
        withApp(async (app) => {
          const view = await rosterPeople(app, options, LOCAL);
          if (options.json) return printJson(view);
          process.stdout.write(`${view.total} people${options.unconfirmed ? ' with a title to confirm' : ''}.\n`);
          for (const p of view.people) {
            const occupation = p.occupationCode ? `${p.occupationCode} ${p.occupationTitle}` : pc.red('no occupation');
            const score = p.titleConfirmed ? 'confirmed' : p.titleScore === null ? '' : p.titleScore.toFixed(2);
            process.stdout.write(
              `${pc.bold(p.personKey)}  ${p.title}  → ${occupation}  ${pc.dim(score)}${p.fictional ? pc.dim(' (fictional)') : ''}\n`,
            );
            for (const c of p.candidates ?? [])
              process.stdout.write(pc.dim(`    or ${c.code} ${c.title} ${c.score.toFixed(2)}\n`));
          }
        }),
    );

  org
    .command('confirm')
    .description('confirm people’s occupations in bulk: <person id>=<occupation code> …')
    .argument('[confirmations...]', 'e.g. E12=13-2011.00')
    .option('--file <file>', 'a file of confirmation lines')
    .action(async (items: string[], options: { file?: string }) =>
      withApp(async (app) => {
        const lines = [...items, ...(options.file ? readFileSync(options.file, 'utf8').split('\n') : [])];
        const confirmations = parseConfirmations(lines);
        if (confirmations.length === 0)
          throw new UpskillError('BAD_INPUT', 'Give confirmations like E12=13-2011.00, or --file.');
        const result = await confirmOccupations(app, confirmations);
        process.stdout.write(`Confirmed ${result.confirmed.length}.\n`);
        if (result.unknown.length) process.stdout.write(pc.yellow(`Not on the roster: ${result.unknown.join(', ')}\n`));
      }),
    );

  org
    .command('person')
    .description('one person: levels with their sources, target, gaps and readiness')
    .argument('<person-id>')
    .option('--json', 'print as JSON')
    .action(async (key: string, options: { json?: boolean }) =>
      withApp(async (app) => {
        const detail = await personDetail(app, key, LOCAL);
        if (options.json) return printJson(detail);
        const p = detail.person;
        process.stdout.write(
          `${pc.bold(p.name ?? p.personKey)}${p.fictional ? ' (fictional)' : ''}: ${p.title} → ` +
            `${p.occupationCode} ${p.occupationTitle}\n` +
            `Target: ${detail.target.name}. Readiness ${detail.readiness}/100; ${Math.round(detail.hours)} h to go ` +
            `(${detail.weeks} weeks at ${p.learningHoursPerWeek ?? 4} h/week).\n`,
        );
        for (const g of detail.gaps)
          process.stdout.write(`  ${g.label}: ${g.currentLevel} → ${g.targetLevel} (${g.hours} h)\n`);
      }),
    );

  org
    .command('readiness')
    .description('readiness, exposure, missing skills, people near their target and single points of failure, by group')
    .option('--by <group>', 'team, department or level', parseGroup, 'team' as GroupBy)
    .option('--json', 'print as JSON (with the heat map: groups × skills)')
    .option('--csv', 'print as CSV')
    .option('--xlsx <file>', 'write an Excel workbook')
    .action(async (options: { by: GroupBy; json?: boolean; csv?: boolean; xlsx?: string }) =>
      withApp(async (app) => {
        const report = await workforceReadiness(app, options.by, LOCAL);
        if (options.json) return printJson(report);
        if (options.csv) return void process.stdout.write(readinessToCsv(report));
        if (options.xlsx) {
          writeFileSync(options.xlsx, await readinessToXlsx(report));
          return void process.stdout.write(`Wrote ${options.xlsx}.\n`);
        }
        process.stdout.write(
          `${report.people} people assessed; readiness ${report.readiness}/100; share of work exposed ${pct(report.exposedShare)}.\n` +
            pc.dim(`${report.formula}\n`),
        );
        for (const g of report.groups) {
          process.stdout.write(
            `${pc.bold(g.name)} (${g.people}): readiness ${num(g.readiness)}, exposed ${pct(g.exposedShare)}, ` +
              `near target ${num(g.nearTarget)}${g.withheld ? pc.dim(' (withheld: under five)') : ''}\n`,
          );
          if (g.nearTargetPeople.length)
            process.stdout.write(
              pc.dim(
                `  near target: ${g.nearTargetPeople.map((p) => `${p.name ?? p.personKey} (${p.readiness})`).join(', ')}\n`,
              ),
            );
          if (g.missingSkills.length)
            process.stdout.write(
              pc.dim(`  most missing: ${g.missingSkills.map((m) => `${m.label} (${m.people})`).join(', ')}\n`),
            );
        }
        if (report.singlePointsOfFailure.length) {
          process.stdout.write(`Single points of failure (one person holds a needed skill at "can use" or above):\n`);
          for (const s of report.singlePointsOfFailure)
            process.stdout.write(
              `  ${s.group}: ${s.label} — ${s.holder ? (s.holder.name ?? s.holder.personKey) : 'one person'}\n`,
            );
        }
        process.stdout.write(pc.dim(`Sources: ${report.sources.join('; ')}. ${report.access}\n`));
      }),
    );

  org
    .command('decide')
    .description('upskill, hire or freelance for each team gap: the arithmetic, the recommendation, the break-even')
    .option('--team <team>', 'only this team')
    .option('--assume <key=value>', 'change an assumption (repeatable), e.g. needMonths=6', collect)
    .option('--scenario <name>', 'start from a saved scenario')
    .option('--save <name>', 'save the --assume values as a scenario')
    .option('-n, --limit <n>', 'how many gaps', parseCount, 5)
    .option('--json', 'print as JSON')
    .addHelpText(
      'after',
      `
Assumptions (defaults and sources in docs/staffing-assumptions.md): benefitsMultiplier, costPerHire,
timeToFillDays, needMonths, needHoursPerWeek, shortNeedMonths, upskillPeople, courseCostPerPerson,
freelanceRateMultiple, learningHoursPerWeek, hoursPerYear.

Examples:
  upskill org decide --team Brand
  upskill org decide --assume needMonths=4 --assume needHoursPerWeek=20 --save short-project`,
    )
    .action(
      async (options: {
        team?: string;
        assume?: string[];
        scenario?: string;
        save?: string;
        limit: number;
        json?: boolean;
      }) =>
        withApp(async (app) => {
          const assumptions = parseAssumptions(options.assume ?? []);
          if (options.save) await saveStaffingScenario(app, options.save, assumptions);
          const report = await decideStaffingForGaps(
            app,
            {
              assumptions,
              limit: options.limit,
              ...(options.team ? { team: options.team } : {}),
              ...(options.scenario ? { scenario: options.scenario } : {}),
            },
            LOCAL,
          );
          if (options.json) return printJson(report);
          for (const d of report.decisions) {
            process.stdout.write(
              `${pc.bold(`${d.team} · ${d.label}`)} (level ${d.targetLevel}; ${d.peopleMissing} people below it)\n`,
            );
            process.stdout.write(`  ${pc.green(d.recommendation.text)}\n`);
            for (const o of d.options) {
              process.stdout.write(
                `  ${o.option}: ${o.cost === null ? 'not available' : `$${Math.round(o.cost).toLocaleString('en-US')}`}\n`,
              );
              for (const line of o.arithmetic) process.stdout.write(pc.dim(`    ${line}\n`));
            }
            if (d.breakEven) process.stdout.write(`  break-even: ${d.breakEven.text}\n`);
          }
          process.stdout.write(
            pc.dim(`${report.note}${options.save ? ` Saved as scenario "${options.save}".` : ''}\n`),
          );
        }),
    );

  org
    .command('target')
    .description('set the role a team aims at (a target role id from `upskill roles`, or ai-augmented)')
    .argument('<team>')
    .argument('<role>')
    .action(async (team: string, role: string) =>
      withApp(async (app) => {
        await setTeamTarget(app, team, role);
        process.stdout.write(`${team} now aims at ${role}.\n`);
      }),
    );

  org
    .command('mobility')
    .description('who is closest to a target role or occupation, with what each would need to learn and how long')
    .argument('<role-or-occupation>', 'a target role id (prompt-engineer), an O*NET-SOC code or a job title')
    .option('-n, --limit <n>', 'how many people', parseCount, 10)
    .option('--json', 'print as JSON')
    .action(async (target: string, options: { limit: number; json?: boolean }) =>
      withApp(async (app) => {
        const report = await mobilityFor(app, target, LOCAL, options.limit);
        if (options.json) return printJson(report);
        process.stdout.write(`Closest to ${pc.bold(report.target.name)} (${report.total} people ranked):\n`);
        for (const p of report.people)
          process.stdout.write(
            `${String(p.rank).padStart(3)}. ${p.name ?? p.personKey} (${p.team ?? '–'}): closeness ${p.closeness}; ` +
              `${p.hours} h to learn, ${p.weeks} weeks${p.related ? '; O*NET relates their occupation' : ''}\n` +
              pc.dim(
                `     ${p.needs
                  .slice(0, 4)
                  .map((n) => `${n.label} ${n.from}→${n.to}`)
                  .join(', ')}\n`,
              ),
          );
        process.stdout.write(pc.dim(`${report.formula}\n`));
      }),
    );

  const bench = org.command('bench').description('the freelancer bench');
  bench
    .command('import')
    .description('import freelancers (CSV or XLSX: name, skills, rate, availability); replaces the bench')
    .argument('<file>')
    .option('--json', 'print as JSON')
    .action(async (file: string, options: { json?: boolean }) =>
      withApp(async (app) => {
        const result = await importBench(app, { path: file });
        if (options.json) return printJson(result);
        process.stdout.write(`Imported ${result.freelancers} freelancers from ${result.file}.\n`);
        for (const p of result.rejected)
          process.stdout.write(`  ${p.file}, line ${p.line}, ${p.column}: ${p.message}\n`);
      }),
    );
  bench
    .command('match')
    .description('the bench’s freelancers for each team gap, with reasons')
    .option('-n, --limit <n>', 'how many gaps', parseCount, 10)
    .option('--json', 'print as JSON')
    .action(async (options: { limit: number; json?: boolean }) =>
      withApp(async (app) => {
        const result = await benchMatches(app, options.limit);
        if (options.json) return printJson(result);
        for (const m of result.matches) {
          process.stdout.write(`${pc.bold(`${m.team} · ${m.label}`)} (${m.peopleMissing} people below the level)\n`);
          if (m.freelancers.length === 0) process.stdout.write(pc.dim('  nobody on the bench lists it\n'));
          for (const f of m.freelancers) process.stdout.write(`  ${f.name}: ${f.reasons.join('; ')}\n`);
        }
      }),
    );

  org
    .command('demo')
    .description('load a fictional company of a few hundred made-up people (real O*NET titles, BLS-sized departments)')
    .option('--replace', 'replace a real roster already in the store')
    .action(async (options: { replace?: boolean }) =>
      withApp(async (app) => {
        const demo = await createDemoCompany(app, { replace: options.replace ?? false });
        process.stdout.write(
          `Loaded the demo company: ${demo.people} fictional people in ${demo.departments.length} departments ` +
            `(${demo.departments.map((d) => `${d.name} ${d.people}`).join(', ')}).\n${pc.dim(demo.note)}\n` +
            `Next: upskill org readiness --by department\n`,
        );
      }),
    );
  return org;
}

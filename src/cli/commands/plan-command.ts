import { readFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import pc from 'picocolors';
import { UpskillError } from '../../domain/errors.js';
import { planToICalendar, planToMarkdown } from '../../domain/planning/plan-export.js';
import type { SkillLevel } from '../../domain/planning/skill-gaps.js';
import { LEVEL_NAMES, levelName } from '../../domain/planning/skill-levels.js';
import { AUGMENT, buildPersonalPlan, type PersonalPlan } from '../../app/build-plan.js';
import {
  createProfile,
  deleteProfile,
  getProfile,
  profilePlan,
  recordProgress,
  setProfileSkill,
  updateProfile,
  PROGRESS_STATUSES,
  listSavedProfiles,
} from '../../app/profiles.js';
import { readDocument } from '../../sources/documents/read-document.js';
import { addOneOf, levelArgument, skillLevelsArgument, type SkillLevelInput } from '../options.js';
import { printJson, withApp } from '../with-app.js';
import { askLevels } from '../assess-prompt.js';
import { selfAssessment } from '../../app/self-assessment.js';
import { chooseOccupation } from '../../app/choose-occupation.js';
import { CLEAR_MIN_LEAD, CLEAR_MIN_SCORE } from '../../domain/titles/index.js';

const FORMATS = ['course', 'video', 'article', 'book', 'docs', 'interactive'] as const;
type Format = (typeof FORMATS)[number];

function parseFormats(value: string): Format[] {
  const formats = value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0)
    throw new InvalidArgumentError(`unknown format ${unknown.join(', ')}; choose from ${FORMATS.join(', ')}`);
  return formats as Format[];
}

const integer =
  (what: string) =>
  (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number)) throw new InvalidArgumentError(`${what} must be a whole number`);
    return number;
  };

async function resumeText(file: string | undefined): Promise<string | undefined> {
  if (file === undefined) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new UpskillError('NOT_FOUND', `${file}: no such file`);
  }
  return (await readDocument(bytes, file)).text;
}

function printPlan(result: PersonalPlan, format: { json?: boolean; md?: boolean; ics?: boolean }, id: string): void {
  if (format.json) return printJson(result);
  const title = `${result.target.name} — learning plan`;
  if (format.md) return void process.stdout.write(planToMarkdown(result.plan, title));
  if (format.ics)
    return void process.stdout.write(
      planToICalendar(result.plan, title, id, `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`),
    );
  const { plan, gaps, hoursSaved } = result;
  const out = [
    `${pc.bold(result.occupation.title)} ${pc.dim(result.occupation.code)} → ${pc.bold(result.target.name)}`,
    `Readiness ${Math.round(gaps.readiness * 100)} %; ${gaps.gaps.length} skills to grow; AI could ` +
      `save about ${hoursSaved.hoursPerWeek} h a week (${hoursSaved.low}–${hoursSaved.high}).`,
    `${plan.totalHours} h at ${plan.hoursPerWeek} h a week: ${plan.startDate} → ${plan.endDate}`,
    '',
  ];
  const steps = new Map(plan.steps.map((s) => [s.id, s]));
  for (const week of plan.weeks) {
    out.push(pc.bold(`Week ${week.week}  ${week.start} – ${week.end}  (${week.hours} h)`));
    for (const item of week.items) {
      const step = steps.get(item.stepId)!;
      out.push(
        `  ${pc.dim(step.id.padEnd(34))} ${step.name} → ${levelName(step.level)}  ${item.hours} h  ${pc.cyan(step.resource.title)}`,
      );
    }
    for (const milestone of plan.milestones.filter((m) => m.week === week.week))
      out.push(`  ${pc.green('🏁')} ${milestone.title}\n     ${pc.dim(milestone.project)}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

const SKILLS_HELP =
  "your levels, which win over the résumé's: skill=level,… with a level 0–4 " +
  `or its name (${LEVEL_NAMES.join(', ')})`;

export function registerPlanCommands(program: Command): void {
  const plan = program
    .command('plan')
    .description(
      'a dated learning plan from your job (and résumé) to a target: gaps, weekly steps, resources, milestones',
    )
    .option('--title <job>', 'your job title or O*NET-SOC code (or use --profile)')
    .option('--occupation <code>', 'the O*NET-SOC code of your occupation, when the title could be several')
    .option('--yes', 'plan for the best match of --title even when it is not clear')
    // A saved profile already holds the job, résumé levels, goal, hours and preferences.
    .addOption(
      new Option('--profile <id>', 'plan for a saved profile, with its recorded progress').conflicts([
        'title',
        'occupation',
        'yes',
        'resume',
        'skills',
        'target',
        'hours',
        'start',
        'free',
        'formats',
        'assess',
      ]),
    )
    .option('--resume <file>', 'your résumé (PDF, DOCX, HTML, Markdown, text): its skills set your starting levels')
    .option('--skills <list>', SKILLS_HELP, skillLevelsArgument)
    .addOption(
      new Option(
        '--assess',
        'check your starting levels first: up to 12 skills for the goal, each level in words (interactive, or one answer a line on stdin)',
      ).conflicts(['skills']),
    )
    .option('--target <role>', `${AUGMENT} (stay and use AI; default) or a role id from \`upskill roles\``)
    .option('--hours <n>', 'hours a week you can spare (1–40)', integer('hours'), 5)
    .option('--start <date>', 'first day, YYYY-MM-DD (default today)')
    .option('--free', 'only free resources where possible')
    .option('--formats <list>', `only these resource formats where possible (${FORMATS.join(',')})`, parseFormats);
  addOneOf(plan, [
    new Option('--json', 'everything as JSON'),
    new Option('--md', 'the plan as Markdown'),
    new Option('--ics', 'the plan as an iCalendar file (import into your calendar)'),
  ])
    .addHelpText(
      'after',
      `
Levels are 0 none, 1 aware, 2 can use, 3 can build, 4 can lead; give the number or the name.
Give at most one of --json, --md and --ics. With --profile, everything else comes from the saved profile.
A title is planned for only when its best occupation is clear (a score of ${CLEAR_MIN_SCORE} or more, and
${CLEAR_MIN_LEAD} ahead of the next); otherwise the candidates are listed (exit 3): rerun with
--occupation CODE, or --yes to take the first.

Examples:
  upskill plan --title "marketing specialist" --resume cv.pdf --hours 5
  upskill plan --title accountant --skills prompt-engineering="can use",python=1
  upskill plan --title "registered nurse" --target ai-assisted-data-analyst --assess
  upskill plan --title 13-1161.00 --target ai-content-creator --md > plan.md
  upskill plan --title "driver" --occupation 53-3033.00
  upskill plan --profile 3f2a9c1b7d4e --ics > plan.ics`,
    )
    .action(
      async (options: {
        title?: string;
        occupation?: string;
        yes?: boolean;
        profile?: string;
        resume?: string;
        skills?: SkillLevelInput[];
        assess?: boolean;
        target?: string;
        hours: number;
        start?: string;
        free?: boolean;
        formats?: Format[];
        json?: boolean;
        md?: boolean;
        ics?: boolean;
      }) => {
        await withApp(async (app) => {
          if (options.profile) return printPlan(await profilePlan(app, options.profile), options, options.profile);
          if (!options.title && !options.occupation)
            throw new UpskillError('BAD_INPUT', 'Give your job with --title or --occupation, or a saved --profile.', {
              hint: 'Example: upskill plan --title "accountant" --hours 4',
            });
          const resume = await resumeText(options.resume);
          const occupation = await chooseOccupation(app, {
            ...(options.title !== undefined ? { title: options.title } : {}),
            ...(options.occupation !== undefined ? { occupation: options.occupation } : {}),
            acceptBest: options.yes === true,
            ...(resume !== undefined ? { context: resume } : {}),
          });
          const skills = options.assess
            ? await askLevels(
                await selfAssessment(app, {
                  occupation,
                  ...(options.target ? { target: options.target } : {}),
                  ...(resume !== undefined ? { resumeText: resume } : {}),
                }),
              )
            : options.skills;
          const result = await buildPersonalPlan(app, {
            occupation,
            hoursPerWeek: options.hours,
            ...(options.target ? { target: options.target } : {}),
            ...(options.start ? { startDate: options.start } : {}),
            ...(resume !== undefined ? { resumeText: resume } : {}),
            ...(skills ? { skills } : {}),
            preferences: { freeOnly: options.free === true, formats: options.formats },
          });
          printPlan(result, options, 'plan');
        });
      },
    );

  program
    .command('roles')
    .description('the target roles a plan can aim at')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await withApp(async (app) => {
        const roles = app.planningContent().roles;
        if (options.json) return printJson(roles);
        process.stdout.write(`  ${AUGMENT.padEnd(28)} stay in your job and use AI on its exposed tasks\n`);
        for (const role of roles) process.stdout.write(`  ${role.id.padEnd(28)} ${role.name}\n`);
      });
    });

  const profile = program
    .command('profile')
    .description('saved profiles (kept in your local store): occupation, skills, hours, target');
  profile
    .command('create')
    .requiredOption('--name <name>', 'a name for the profile')
    .requiredOption('--title <job>', 'job title or O*NET-SOC code')
    .option('--occupation <code>', 'the O*NET-SOC code of the occupation, when the title could be several')
    .option('--yes', 'take the best match of --title even when it is not clear')
    .option('--resume <file>', 'résumé whose skills become the starting levels')
    .option('--skills <list>', SKILLS_HELP, skillLevelsArgument)
    .option('--target <role>', `${AUGMENT} or a role id`, AUGMENT)
    .option('--hours <n>', 'hours a week (1–40)', integer('hours'), 5)
    .option('--start <date>', 'first day, YYYY-MM-DD (default today)')
    .option('--free', 'only free resources where possible')
    .option('--formats <list>', `only these resource formats where possible (${FORMATS.join(',')})`, parseFormats)
    .option('--json', 'print as JSON')
    .action(
      async (options: {
        name: string;
        title: string;
        occupation?: string;
        yes?: boolean;
        resume?: string;
        skills?: SkillLevelInput[];
        target: string;
        hours: number;
        start?: string;
        free?: boolean;
        formats?: Format[];
        json?: boolean;
      }) => {
        await withApp(async (app) => {
          const resume = await resumeText(options.resume);
          const created = await createProfile(app, {
            name: options.name,
            occupation: await chooseOccupation(app, {
              title: options.title,
              ...(options.occupation !== undefined ? { occupation: options.occupation } : {}),
              acceptBest: options.yes === true,
              ...(resume !== undefined ? { context: resume } : {}),
            }),
            target: options.target,
            hoursPerWeek: options.hours,
            ...(options.start ? { startDate: options.start } : {}),
            ...(resume !== undefined ? { resumeText: resume } : {}),
            ...(options.skills ? { skills: options.skills } : {}),
            preferences: { freeOnly: options.free === true, formats: options.formats },
          });
          if (options.json) return printJson(created);
          process.stdout.write(
            `${pc.green('✓')} Profile ${pc.bold(created.id)} created (${created.skills.length} skills from ` +
              `the résumé). Next: upskill plan --profile ${created.id}\n`,
          );
        });
      },
    );
  profile
    .command('list')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await withApp(async (app) => {
        const all = await listSavedProfiles(app);
        if (options.json) return printJson(all);
        if (all.length === 0) process.stdout.write('No profiles yet. Create one with `upskill profile create`.\n');
        for (const p of all)
          process.stdout.write(
            `  ${p.id}  ${p.name.padEnd(24)} ${p.occupationCode}  → ${p.target}  ${p.hoursPerWeek} h/week from ${p.startDate}\n`,
          );
      });
    });
  profile
    .command('show')
    .argument('<id>')
    .action(async (id: string) => withApp(async (app) => printJson(await getProfile(app, id))));
  profile
    .command('set-skill')
    .description('confirm or correct a skill level (none removes it)')
    .argument('<id>')
    .argument('<skill>')
    .argument('<level>', `0–4 or its name: ${LEVEL_NAMES.map((name, i) => `${i} ${name}`).join(', ')}`, levelArgument)
    .action(async (id: string, skill: string, level: SkillLevel) =>
      withApp(async (app) => {
        await setProfileSkill(app, id, skill, level);
        process.stdout.write(
          level === 0
            ? `${pc.green('✓')} ${skill} removed from the profile (none).\n`
            : `${pc.green('✓')} ${skill} set to ${levelName(level)}.\n`,
        );
      }),
    );
  profile
    .command('update')
    .description('change the name, goal or weekly hours; the plan re-flows (done work stays)')
    .argument('<id>')
    .option('--name <name>', 'a new name')
    .option('--target <role>', `${AUGMENT} or a role id`)
    .option('--hours <n>', 'hours a week (1–40)', integer('hours'))
    .action(async (id: string, options: { name?: string; target?: string; hours?: number }) =>
      withApp(async (app) => {
        const updated = await updateProfile(app, id, {
          ...(options.name !== undefined ? { name: options.name } : {}),
          ...(options.target ? { target: options.target } : {}),
          ...(options.hours ? { hoursPerWeek: options.hours } : {}),
        });
        const { plan } = await profilePlan(app, id);
        process.stdout.write(
          `${pc.green('✓')} ${updated.name}: ${updated.target}, ${updated.hoursPerWeek} h a week. ` +
            `The plan now ends ${plan.endDate}.\n`,
        );
      }),
    );
  profile
    .command('delete')
    .argument('<id>')
    .action(async (id: string) =>
      withApp(async (app) => {
        await deleteProfile(app, id);
        process.stdout.write(`${pc.green('✓')} Profile ${id} deleted with its progress.\n`);
      }),
    );

  program
    .command('progress')
    .description(
      `record progress on a step of a profile's plan (${PROGRESS_STATUSES.join(', ')}); the rest re-plans, done work stays`,
    )
    .argument('<profile>', 'profile id')
    .argument('<step>', 'step id, e.g. prompt-engineering@2')
    .argument('<status>', PROGRESS_STATUSES.join(' | '))
    .option('--hours <n>', 'hours it actually took (with took-longer)', Number)
    .action(async (id: string, step: string, status: string, options: { hours?: number }) =>
      withApp(async (app) => {
        const result = await recordProgress(app, id, step, status as (typeof PROGRESS_STATUSES)[number], options.hours);
        process.stdout.write(`${pc.green('✓')} ${step}: ${status}. The plan now ends ${result.plan.endDate}.\n`);
      }),
    );
}

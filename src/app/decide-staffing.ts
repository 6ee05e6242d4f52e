import { existsSync, createReadStream } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { UpskillError } from '../domain/errors.js';
import { hoursToLevel, type SkillLevel } from '../domain/planning/skill-gaps.js';
import type { Principal } from '../domain/access/index.js';
import {
  ASSUMPTION_KEYS,
  DEFAULT_ASSUMPTIONS,
  decideStaffing,
  matchBench,
  SMALL_GROUP,
  withAssumptions,
  type Assumptions,
  type BenchMatch,
  type StaffingDecision,
  type TeamGap,
} from '../domain/workforce/index.js';
import { readBench, type RosterInput, type RosterLimits, type RowProblem } from '../sources/roster/index.js';
import * as org from '../store/organisation.repository.js';
import { assessWorkforce, viewerFor, type Assessment } from './assess-workforce.js';
import { today } from './build-plan.js';
import { skillResolver } from './import-roster.js';
import type { UpskillApp } from './upskill-app.js';

/** Each assumption's unit and published source (docs/staffing-assumptions.md has the full citations). */
export const ASSUMPTION_SOURCES: Record<keyof typeof DEFAULT_ASSUMPTIONS, { unit: string; source: string }> = {
  benefitsMultiplier: {
    unit: '× wage',
    source:
      'BLS Employer Costs for Employee Compensation, June 2021 (USDL-21-1647, 16 Sep 2021): private industry ' +
      '$36.64 total compensation ÷ $25.89 wages and salaries per hour worked',
  },
  costPerHire: {
    unit: 'USD',
    source: 'SHRM Human Capital Benchmarking Report, press release 3 Aug 2016: average cost per hire $4,129',
  },
  timeToFillDays: { unit: 'days', source: 'SHRM Human Capital Benchmarking Report (3 Aug 2016): 42 days on average' },
  needMonths: { unit: 'months', source: 'an assumption of the decision (no published figure): set it per gap' },
  needHoursPerWeek: { unit: 'h/week', source: 'an assumption of the decision (no published figure): set it per gap' },
  shortNeedMonths: {
    unit: 'months',
    source: 'the seeds’ advice: freelance for short specialist needs (threshold set here)',
  },
  upskillPeople: { unit: 'people', source: 'product choice: two or more avoid a single point of failure' },
  courseCostPerPerson: {
    unit: 'USD',
    source: 'added to the catalogue’s own prices (content/planning; most resources are free)',
  },
  freelanceRateMultiple: {
    unit: '× loaded wage',
    source: 'an assumption (no published figure used): only where the bench has no rate for the skill',
  },
  learningHoursPerWeek: { unit: 'h/week', source: 'product default, for people whose roster gives no learning hours' },
  hoursPerYear: { unit: 'hours', source: 'BLS OEWS: annual wage = hourly × 2,080' },
};

/** Checks overrides: known keys, finite numbers ≥ 0. */
export function checkAssumptions(overrides: Record<string, number>): Partial<Assumptions> {
  for (const [key, value] of Object.entries(overrides)) {
    if (!(ASSUMPTION_KEYS as string[]).includes(key))
      throw new UpskillError('BAD_INPUT', `--assume ${key}: there is no such assumption.`, {
        hint: `Assumptions: ${ASSUMPTION_KEYS.join(', ')}.`,
      });
    if (!Number.isFinite(value) || value < 0)
      throw new UpskillError('BAD_INPUT', `--assume ${key}=${value}: give a number of 0 or more.`);
  }
  return overrides as Partial<Assumptions>;
}

/** Parses `--assume key=value` lines. */
export function parseAssumptions(lines: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of lines) {
    const match = /^\s*([A-Za-z]+)\s*=\s*(-?[\d.]+)\s*$/.exec(line);
    if (!match) throw new UpskillError('BAD_INPUT', `--assume "${line}": write it as key=number, e.g. needMonths=6.`);
    out[match[1]!] = Number(match[2]);
  }
  return checkAssumptions(out);
}

/** The median of a list (the mean of the middle two for an even count). */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const aiSalaryCache = new Map<string, Promise<Map<string, { year: number; median: number; n: number }>>>();

/**
 * Median USD salary per job title of the aijobs.net survey (CC0), for the latest year with at least
 * 20 answers for that title: the salary of a hire into an AI role.
 */
export function aiSalaries(file: string): Promise<Map<string, { year: number; median: number; n: number }>> {
  let hit = aiSalaryCache.get(file);
  if (!hit) {
    hit = (async () => {
      const byTitleYear = new Map<string, number[]>();
      const parser = createReadStream(file).pipe(parse({ columns: true, bom: true }));
      for await (const row of parser as AsyncIterable<Record<string, string>>) {
        const key = `${row['job_title']!.toLowerCase()}|${row['work_year']}`;
        const list = byTitleYear.get(key);
        const usd = Number(row['salary_in_usd']);
        if (!Number.isFinite(usd)) continue;
        if (list) list.push(usd);
        else byTitleYear.set(key, [usd]);
      }
      const out = new Map<string, { year: number; median: number; n: number }>();
      for (const [key, values] of byTitleYear) {
        const [title, year] = key.split('|') as [string, string];
        if (values.length < 20) continue;
        const prior = out.get(title);
        if (!prior || Number(year) > prior.year)
          out.set(title, { year: Number(year), median: median(values)!, n: values.length });
      }
      return out;
    })();
    aiSalaryCache.set(file, hit);
  }
  return hit;
}

/** The survey file beside the other data, when there is one. */
function aiSalaryFile(app: UpskillApp): string | undefined {
  const dir = app.config.dataDir;
  const file = dir && join(dir, 'aijobs-salaries', 'salaries.csv');
  return file && existsSync(file) ? file : undefined;
}

/** The catalogue's cheapest resource for a skill (0 when a free one teaches it). */
function catalogueCosts(app: UpskillApp): Map<string, number> {
  const costs = new Map<string, number>();
  for (const resource of app.planningContent().resources)
    for (const skill of resource.skills) costs.set(skill, Math.min(costs.get(skill) ?? Infinity, resource.cost));
  return costs;
}

/** How a trainee the viewer may not see is named in a decision's arithmetic. */
const HIDDEN_NAME = 'a colleague';

/** Each team's skill gaps as staffing questions: who could be trained, what a hire and a freelancer would cost. */
export async function teamGaps(app: UpskillApp, assessment: Assessment, team?: string): Promise<TeamGap[]> {
  const courses = catalogueCosts(app);
  const graph = app.skillGraph();
  const bench = await org.listFreelancers(app.database);
  const salaryFile = aiSalaryFile(app);
  const salaries = salaryFile ? await aiSalaries(salaryFile) : undefined;
  const teams = new Map<string, typeof assessment.people>();
  for (const p of assessment.people) {
    const name = p.team ?? '(none)';
    if (team !== undefined && name !== team) continue;
    const list = teams.get(name);
    if (list) list.push(p);
    else teams.set(name, [p]);
  }
  if (team !== undefined && teams.size === 0)
    throw new UpskillError('NOT_FOUND', `There is no team "${team}" on the roster.`, {
      hint: 'List the teams with `upskill org readiness --by team`.',
    });
  const gaps: TeamGap[] = [];
  for (const [name, members] of teams) {
    const occupationCount = new Map<string, number>();
    for (const m of members) occupationCount.set(m.occupationCode!, (occupationCount.get(m.occupationCode!) ?? 0) + 1);
    const [mainCode] = [...occupationCount].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    const main = assessment.occupations.get(mainCode);
    const targets = new Map<string, number>();
    for (const m of members) targets.set(m.target.name, (targets.get(m.target.name) ?? 0) + 1);
    const [mainTarget] = [...targets].sort((a, b) => b[1] - a[1])[0]!;
    const ai = salaries?.get(mainTarget.toLowerCase());
    const hireSalary = ai
      ? {
          annual: ai.median,
          source: `aijobs.net salaries ${ai.year} median for "${mainTarget}" (${ai.n} answers, CC0)`,
        }
      : main?.wage?.annual
        ? { annual: main.wage.annual, source: `BLS OEWS May 2021 median for ${main.wage.title}` }
        : null;
    const bySkill = new Map<string, { label: string; level: number; missing: typeof members }>();
    for (const m of members)
      for (const need of m.required) {
        if ((m.levels.get(need.skillId) ?? 0) >= need.level) continue;
        const entry = bySkill.get(need.skillId) ?? { label: need.label, level: 0, missing: [] };
        entry.level = Math.max(entry.level, need.level);
        entry.missing.push(m);
        bySkill.set(need.skillId, entry);
      }
    for (const [skillId, entry] of bySkill) {
      gaps.push({
        team: name,
        skillId,
        label: entry.label,
        targetLevel: entry.level,
        peopleMissing: entry.missing.length,
        candidates: entry.missing.map((m) => {
          const wage = assessment.occupations.get(m.occupationCode!)?.wage?.hourly ?? null;
          const current = (m.levels.get(skillId) ?? 0) as SkillLevel;
          return {
            personKey: m.personKey,
            name: m.name,
            currentLevel: current,
            // To the gap's level (the highest any member's target asks), which may be above their own target's.
            hours: hoursToLevel(graph, skillId, entry.level as SkillLevel) - hoursToLevel(graph, skillId, current),
            hourlyWage: wage,
            learningHoursPerWeek: m.person.learningHoursPerWeek,
            catalogueCost: Number.isFinite(courses.get(skillId)) ? courses.get(skillId)! : 0,
          };
        }),
        hireSalary,
        teamHourlyWage: main?.wage?.hourly ?? null,
        bench: bench
          .filter((f) => f.skills.includes(skillId))
          .sort((a, b) => a.ratePerHour - b.ratePerHour)
          .map((f) => ({
            name: f.name,
            ratePerHour: f.ratePerHour,
            hoursPerWeek: f.hoursPerWeek,
            availableFrom: f.availableFrom,
          })),
      });
    }
  }
  return gaps.sort(
    (a, b) => b.peopleMissing - a.peopleMissing || a.team.localeCompare(b.team) || a.skillId.localeCompare(b.skillId),
  );
}

export interface DecisionsRequest {
  team?: string;
  scenario?: string;
  assumptions?: Record<string, number>;
  limit?: number;
}

export interface DecisionsReport {
  assumptions: { key: string; value: number; default: number; unit: string; source: string }[];
  scenario: string | null;
  decisions: StaffingDecision[];
  note: string;
}

/**
 * Upskill, hire or freelance for each team gap (the largest first): the arithmetic of each, the
 * recommendation and its break-even, under the defaults, a saved scenario and overrides (in that
 * order). Trainees are named only to a viewer who may see them.
 */
export async function decideStaffingForGaps(
  app: UpskillApp,
  request: DecisionsRequest,
  principal: Principal,
): Promise<DecisionsReport> {
  let base: Record<string, number> = {};
  if (request.scenario !== undefined) {
    const saved = await org.findScenario(app.database, request.scenario);
    if (!saved)
      throw new UpskillError('NOT_FOUND', `There is no saved scenario "${request.scenario}".`, {
        hint: 'Save one with `upskill org decide --assume key=value --save NAME`.',
      });
    base = saved.assumptions;
  }
  const assumptions: Assumptions = withAssumptions({ ...base, ...checkAssumptions(request.assumptions ?? {}) });
  const assessment = await assessWorkforce(app);
  const may = viewerFor(principal, assessment);
  const gaps = (await teamGaps(app, assessment, request.team)).slice(0, request.limit ?? 20);
  const teamSizes = new Map<string, number>();
  for (const p of assessment.people) teamSizes.set(p.team ?? '(none)', (teamSizes.get(p.team ?? '(none)') ?? 0) + 1);
  const decisions = gaps.map((gap) => {
    // A trainee the viewer may not see is "a colleague" in the arithmetic; in a team under SMALL_GROUP
    // people even that would single them out, so their lines are left out and counted instead.
    const hidden = gap.candidates.filter((c) => !may(c.personKey));
    const small = (teamSizes.get(gap.team) ?? 0) < SMALL_GROUP && hidden.length > 0;
    const candidates = gap.candidates.map((c) => (may(c.personKey) ? c : { ...c, name: HIDDEN_NAME }));
    const decision = decideStaffing({ ...gap, candidates }, assumptions);
    if (!small) return decision;
    return {
      ...decision,
      options: decision.options.map((o) => ({
        ...o,
        arithmetic: [
          ...o.arithmetic.filter((line) => !line.startsWith(`${HIDDEN_NAME}:`)),
          ...(o.arithmetic.some((line) => line.startsWith(`${HIDDEN_NAME}:`))
            ? [
                `${hidden.length} colleague(s) not shown: a team under ${SMALL_GROUP} people you may not see person by person`,
              ]
            : []),
        ],
      })),
    };
  });
  return {
    assumptions: ASSUMPTION_KEYS.map((key) => ({
      key,
      value: assumptions[key],
      default: DEFAULT_ASSUMPTIONS[key],
      ...ASSUMPTION_SOURCES[key],
    })),
    scenario: request.scenario ?? null,
    decisions,
    note:
      'Costs in USD. Wages: BLS OEWS May 2021 medians for each person’s occupation; trainees’ time is costed at ' +
      'their loaded wage. The need (months, hours a week) is an assumption: set it for the gap you decide on.',
  };
}

/** Saves a named scenario of assumption overrides. */
export async function saveStaffingScenario(app: UpskillApp, name: string, assumptions: Record<string, number>) {
  if (!/^[\w .-]{1,100}$/.test(name))
    throw new UpskillError(
      'BAD_INPUT',
      `"${name}": a scenario name is letters, digits, spaces, dots and dashes (at most 100).`,
    );
  return org.saveScenario(app.database, name, checkAssumptions(assumptions) as Record<string, number>);
}

/** Imports the freelancer bench (replacing the one before). */
export async function importBench(
  app: UpskillApp,
  input: RosterInput,
  limits?: RosterLimits,
): Promise<{ file: string; freelancers: number; rejected: RowProblem[]; unknownSkills: string[] }> {
  const bench = await readBench(input, skillResolver(app), limits);
  await org.replaceFreelancers(app.database, bench.records);
  return {
    file: bench.file,
    freelancers: bench.records.length,
    rejected: bench.problems,
    unknownSkills: bench.unknownSkills,
  };
}

/** The bench's freelancers for each team gap, with reasons. */
export async function benchMatches(
  app: UpskillApp,
  limit = 20,
): Promise<{ freelancers: number; matches: BenchMatch[] }> {
  const assessment = await assessWorkforce(app);
  const bench = await org.listFreelancers(app.database);
  const gaps = (await teamGaps(app, assessment)).slice(0, limit);
  return { freelancers: bench.length, matches: matchBench(gaps, bench, today()) };
}

import { UpskillError } from '../domain/errors.js';
import { listOccupationEmployment, listTitles } from '../store/occupation.repository.js';
import * as org from '../store/organisation.repository.js';
import { importRoster, type ImportReport } from './import-roster.js';
import type { UpskillApp } from './upskill-app.js';

/** The demo company's departments and the O*NET occupations (27.0 codes) their people hold. */
export const DEMO_DEPARTMENTS: readonly { name: string; teams: readonly string[]; occupations: readonly string[] }[] = [
  {
    name: 'Sales',
    teams: ['Sales East', 'Sales West'],
    occupations: ['41-3091.00', '41-4012.00', '41-4011.00', '11-2022.00'],
  },
  {
    name: 'Marketing',
    teams: ['Brand', 'Growth'],
    occupations: ['13-1161.00', '11-2021.00', '27-3031.00', '27-1024.00'],
  },
  {
    name: 'Finance',
    teams: ['Accounting', 'Planning'],
    occupations: ['13-2011.00', '13-2051.00', '43-3031.00', '11-3031.01'],
  },
  {
    name: 'Operations',
    teams: ['Logistics', 'Projects'],
    occupations: ['11-1021.00', '13-1081.00', '43-5061.00', '13-1082.00'],
  },
  { name: 'Customer Service', teams: ['Support Tier 1', 'Support Tier 2'], occupations: ['43-4051.00', '43-1011.00'] },
  {
    name: 'HR',
    teams: ['People Partners', 'Learning'],
    occupations: ['13-1071.00', '11-3121.00', '13-1151.00', '43-4161.00'],
  },
  {
    name: 'Engineering',
    teams: ['Platform', 'Data'],
    occupations: ['15-1252.00', '15-1253.00', '15-2051.00', '15-1244.00'],
  },
  { name: 'Legal', teams: ['Legal'], occupations: ['23-1011.00', '23-2011.00', '43-6012.00'] },
];

export const DEMO_SIZE = 300;
const FIRST = [
  'Avery',
  'Blake',
  'Casey',
  'Devon',
  'Emery',
  'Finley',
  'Harper',
  'Jules',
  'Kai',
  'Logan',
  'Morgan',
  'Noor',
];
/** Skills the demo roster lists for some people, with the chance a person lists each. */
const ROSTER_SKILLS: readonly [string, number][] = [
  ['chatgpt', 0.5],
  ['prompt-engineering', 0.3],
  ['spreadsheets', 0.5],
  ['sql', 0.15],
  ['python', 0.1],
  ['ai-data-analysis', 0.15],
  ['output-verification', 0.2],
];
export const DEMO_NOTE =
  'A fictional company: every person is made up (names say "(fictional)"), titles are real O*NET titles and department ' +
  'sizes follow BLS OEWS May 2021 employment of their occupations. Never real people.';

/** A small seeded generator (mulberry32): the same company every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const csvCell = (value: string | number): string => {
  const text = String(value);
  return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Sizes proportional to weights, summing to `total` (largest remainders). */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (w / sum) * total);
  const sizes = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  const left = total - sizes.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) sizes[order[k]![1]]! += 1;
  return sizes;
}

/**
 * The demo company as a roster CSV: a few hundred made-up people in eight departments, each with a
 * real O*NET title of an occupation of their department; department sizes follow the BLS employment
 * of those occupations (at least eight people each). Seeded: the same company every time.
 */
export async function demoRoster(
  app: UpskillApp,
  size = DEMO_SIZE,
  seed = 13,
): Promise<{ csv: string; departments: { name: string; people: number }[] }> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const employment = new Map((await listOccupationEmployment(app.database)).map((o) => [o.code, o.employment ?? 0]));
  const titles = new Map<string, string[]>();
  for (const t of await listTitles(app.database)) {
    const list = titles.get(t.code);
    if (list) list.push(t.title);
    else titles.set(t.code, [t.title]);
  }
  for (const list of titles.values()) list.sort();
  const departments = DEMO_DEPARTMENTS.map((d) => ({
    ...d,
    occupations: d.occupations.filter((c) => employment.has(c)),
  })).filter((d) => d.occupations.length > 0);
  const minimum = 8;
  const sizes = apportion(
    departments.map((d) => d.occupations.reduce((sum, c) => sum + (employment.get(c) ?? 0), 0)),
    size - minimum * departments.length,
  ).map((s) => s + minimum);
  const rows = [
    [
      'Employee ID',
      'Name',
      'Email',
      'Job Title',
      'Department',
      'Team',
      'Manager',
      'Grade',
      'Years in role',
      'Hours for learning',
      'Skills',
    ],
  ];
  let n = 0;
  departments.forEach((department, d) => {
    const weights = department.occupations.map((c) => employment.get(c) ?? 0);
    const perOccupation = apportion(weights, sizes[d]!);
    const managers = new Map<string, string>();
    const people: { code: string }[] = department.occupations.flatMap((code, i) =>
      Array.from({ length: perOccupation[i]! }, () => ({ code })),
    );
    people.forEach(({ code }, i) => {
      n += 1;
      const id = `D${String(n).padStart(4, '0')}`;
      const team = department.teams[i % department.teams.length]!;
      const manager = managers.get(team);
      if (!manager) managers.set(team, id);
      const first = pick(FIRST);
      const official = titles.get(code) ?? [];
      const title = official.length ? pick(official) : code;
      const skills = ROSTER_SKILLS.filter(([, chance]) => next() < chance).map(
        ([skill]) => `${skill}:${1 + Math.floor(next() * 3)}`,
      );
      rows.push([
        id,
        `${first} Example-${n} (fictional)`,
        `${first.toLowerCase()}.example${n}@demo.invalid`,
        title,
        department.name,
        team,
        manager ?? '',
        `L${1 + Math.floor(next() * 4)}`,
        String(Math.round(next() * 80) / 10),
        String(2 + Math.floor(next() * 5)),
        skills.join('; '),
      ]);
    });
  });
  return {
    csv: rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n',
    departments: departments.map((d, i) => ({ name: d.name, people: sizes[i]! })),
  };
}

/** Freelancers of the demo bench: made up, rates illustrative. */
const DEMO_BENCH: readonly Omit<org.OrgFreelancer, 'id'>[] = [
  {
    name: 'Quinn Sample (fictional)',
    skills: ['prompt-engineering', 'chatgpt'],
    ratePerHour: 85,
    currency: 'USD',
    hoursPerWeek: 15,
    availableFrom: null,
  },
  {
    name: 'Rowan Sample (fictional)',
    skills: ['python', 'sql', 'ai-data-analysis'],
    ratePerHour: 110,
    currency: 'USD',
    hoursPerWeek: 20,
    availableFrom: null,
  },
  {
    name: 'Sage Sample (fictional)',
    skills: ['ai-governance', 'ai-risk-management', 'responsible-ai-use'],
    ratePerHour: 140,
    currency: 'USD',
    hoursPerWeek: 10,
    availableFrom: null,
  },
];

/**
 * Replaces the roster with the demo company (and the bench with three made-up freelancers), through
 * the same import as a real roster.
 */
export async function createDemoCompany(
  app: UpskillApp,
  options: { replace?: boolean } = {},
): Promise<{ people: number; departments: { name: string; people: number }[]; note: string; report: ImportReport }> {
  const [real] = await app.database.query<{ n: number }>(
    'select count(*)::int as n from org_people where not fictional',
  );
  if (real!.n > 0 && !options.replace)
    throw new UpskillError(
      'CONFLICT',
      `The store holds a real roster of ${real!.n} people; the demo would replace it.`,
      {
        hint: 'Replace it anyway with --replace (API: {"replace": true}), or use another store (UPSKILL_HOME).',
      },
    );
  const { csv, departments } = await demoRoster(app);
  await org.deleteAllPeople(app.database);
  await org.replaceFreelancers(app.database, DEMO_BENCH);
  const report = await importRoster(
    app,
    { bytes: new TextEncoder().encode(csv), name: 'demo-company.csv' },
    { fictional: true },
  );
  return { people: report.rows, departments, note: DEMO_NOTE, report };
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decideStaffing,
  matchBench,
  personReadiness,
  rankMobility,
  rollUpReadiness,
  withAssumptions,
  type AssessedPerson,
  type RequiredLevel,
  type TeamGap,
} from './index.js';
import { mayViewPerson } from '../access/index.js';

const TARGET: RequiredLevel[] = [
  { skillId: 'python', label: 'Python', level: 2, weight: 0.5 },
  { skillId: 'sql', label: 'SQL', level: 4, weight: 0.5 },
];

const person = (key: string, team: string, levels: Record<string, number>, over: Partial<AssessedPerson> = {}) =>
  ({
    personKey: key,
    name: `Name ${key}`,
    team,
    department: 'Finance',
    level: 'L2',
    occupationCode: '13-2011.00',
    exposure: 0.4,
    observedUse: 0.2,
    levels: new Map(Object.entries(levels)),
    required: TARGET,
    gapHours: new Map([
      ['python', 10],
      ['sql', 30],
    ]),
    ...over,
  }) satisfies AssessedPerson;

test('readiness follows its written formula: weight × min(1, current ÷ required), group = mean of people', () => {
  // 100 × (0.5 × 1/2 + 0.5 × 4/4) = 75; 100 × (0.5 × 2/2 + 0.5 × 1/4) = 62.5
  assert.equal(personReadiness(person('A', 'T', { python: 1, sql: 4 })), 75);
  assert.equal(personReadiness(person('B', 'T', { python: 2, sql: 1 })), 62.5);
  assert.equal(personReadiness(person('C', 'T', { python: 4, sql: 4 })), 100, 'a level above the need counts as met');
  const people = [
    person('A', 'Audit', { python: 1, sql: 4 }),
    person('B', 'Audit', { python: 2, sql: 1 }),
    person('C', 'Audit', { sql: 2 }, { exposure: 0.6 }),
    person('D', 'Audit', { python: 2, sql: 4 }),
    person('E', 'Audit', {}, { exposure: null }),
    person('F', 'Tax', { python: 3 }),
  ];
  const all = rollUpReadiness(people, 'team', { mayView: () => true });
  const audit = all.groups.find((g) => g.name === 'Audit')!;
  // A 75, B 62.5, C 25, D 100, E 0 → 52.5
  assert.equal(audit.readiness, 52.5);
  assert.equal(audit.exposedShare, 0.45, 'mean over the four people with a score: (0.4 + 0.4 + 0.6 + 0.4) / 4');
  assert.equal(audit.nearTarget, 1, 'only D is at 80 or more');
  assert.deepEqual(audit.nearTargetPeople, [{ personKey: 'D', name: 'Name D', readiness: 100 }]);
  assert.deepEqual(audit.missingSkills, [
    { skillId: 'sql', label: 'SQL', people: 3, hours: 90 },
    { skillId: 'python', label: 'Python', people: 3, hours: 30 },
  ]);
  // Heat map: SQL in Audit = mean(4/4, 1/4, 2/4, 4/4, 0) = 55; Python = mean(0.5, 1, 0, 1, 0) = 50.
  // Columns: the most-missing skills first (SQL: B, C, E and F; Python: A, C and E).
  assert.deepEqual(
    all.heatMap.skills.map((s) => s.skillId),
    ['sql', 'python'],
  );
  assert.deepEqual(
    all.heatMap.rows.find((r) => r.group === 'Audit')!.cells.map((c) => c.value),
    [55, 50],
  );
  assert.equal(all.readiness, 52.1, 'the organisation: (262.5 + 50) / 6 people');
  // Single points of failure: in Audit, SQL is held (can use or above) by A, C and D; Python by B and D → none.
  // In Tax, F alone holds Python; nobody holds SQL.
  assert.deepEqual(all.singlePointsOfFailure, [
    { group: 'Tax', skillId: 'python', label: 'Python', holder: { personKey: 'F', name: 'Name F', level: 3 } },
  ]);
  assert.match(all.formula, /min\(1, current level ÷ required level\)/);
});

test('a viewer who may not see people gets counts: small groups withheld, holders unnamed', () => {
  const people = [
    person('A', 'Audit', { python: 1, sql: 4 }),
    person('B', 'Audit', { python: 2, sql: 1 }),
    person('F', 'Tax', { python: 3 }),
  ];
  const rolled = rollUpReadiness(people, 'team', { mayView: (key) => key === 'A' });
  const audit = rolled.groups.find((g) => g.name === 'Audit')!;
  assert.deepEqual([audit.people, audit.withheld, audit.readiness, audit.missingSkills], [2, true, null, []]);
  assert.deepEqual(audit.nearTargetPeople, []);
  assert.deepEqual(
    rolled.heatMap.rows[0]!.cells.map((c) => c.value),
    [null, null],
  );
  // Audit: B alone holds Python (not shown: the group is withheld), A alone SQL (A may be seen); Tax is withheld.
  assert.deepEqual(
    rolled.singlePointsOfFailure.map((s) => [s.group, s.skillId, s.holder?.personKey]),
    [['Audit', 'sql', 'A']],
  );
  const manager = { kind: 'account', accountId: 'm1', role: 'manager', via: 'session' } as const;
  assert.equal(mayViewPerson(manager, { accountId: 'e1', managerAccountIds: ['m1'] }), true);
  assert.equal(mayViewPerson(manager, { accountId: 'e2', managerAccountIds: ['m2'] }), false);
  assert.equal(mayViewPerson(manager, undefined), false);
  assert.equal(mayViewPerson({ kind: 'personal' }, undefined), true);
  const analyst = { kind: 'account', accountId: 'a1', role: 'analyst', via: 'session' } as const;
  assert.equal(mayViewPerson(analyst, { accountId: 'a1', managerAccountIds: [] }), false);
});

const GAP: TeamGap = {
  team: 'Finance',
  skillId: 'sql',
  label: 'SQL',
  targetLevel: 3,
  peopleMissing: 2,
  candidates: [
    {
      personKey: 'C2',
      name: 'Cy',
      currentLevel: 1,
      hours: 50,
      hourlyWage: 30,
      learningHoursPerWeek: 5,
      catalogueCost: 0,
    },
    {
      personKey: 'C1',
      name: 'Bo',
      currentLevel: 2,
      hours: 20,
      hourlyWage: 40,
      learningHoursPerWeek: 4,
      catalogueCost: 0,
    },
  ],
  hireSalary: { annual: 90000, source: 'BLS OEWS May 2021 median' },
  teamHourlyWage: 40,
  bench: [{ name: 'Fay', ratePerHour: 60, hoursPerWeek: 20, availableFrom: null }],
};

test('a staffing decision: each option’s arithmetic, the recommendation in words and the break-even', () => {
  const decision = decideStaffing(GAP, withAssumptions());
  const cost = Object.fromEntries(decision.options.map((o) => [o.option, o.cost]));
  // upskill: 20 h × $40 × 1.415 + 50 h × $30 × 1.415 = 1,132 + 2,122.5; hire: 4,129 + 90,000 × 1.415;
  // freelance: $60 × 10 h/week × 52 weeks.
  assert.deepEqual(cost, { upskill: 3254.5, hire: 131479, freelance: 31200 });
  assert.equal(decision.options[0]!.weeks, 10, 'Cy needs 50 h at 5 h/week');
  assert.equal(decision.options[1]!.weeks, 6, '42 days to fill');
  assert.equal(decision.recommendation.option, 'upskill');
  assert.equal(
    decision.recommendation.text,
    'upskill: train the 2 closest (1 one level away); 10 weeks at 4 h/week; $3,255 vs $131,479 to hire or $31,200 to freelance',
  );
  assert.match(decision.options[0]!.arithmetic[0]!, /^Bo: 20 h × \$40\/h BLS median wage × 1\.415/);
  // Freelancing costs $60 × 10 × 52/12 = $2,600 a month of need: it matches upskilling at 3,254.5 / 2,600 months.
  assert.deepEqual(
    { ...decision.breakEven!, text: undefined },
    { assumption: 'needMonths', current: 12, value: 1.25, text: undefined },
  );
  assert.equal(
    decision.breakEven!.text,
    'upskill stays cheaper than the next option while needMonths is above 1.25 (now 12)',
  );
});

test('no one near and a lasting need: hire when a full-time need costs more to freelance; short needs freelance', () => {
  const far: TeamGap = {
    ...GAP,
    candidates: [{ ...GAP.candidates[0]!, currentLevel: 0, hours: 200 }],
    bench: [],
  };
  const lasting = decideStaffing(far, withAssumptions({ needHoursPerWeek: 40 }));
  // freelance without a bench: $40 × 1.415 × 1.5 = $84.90/h × 40 × 52 = $176,592 > hire $131,479
  assert.equal(lasting.options.find((o) => o.option === 'freelance')!.cost, 176592);
  assert.equal(lasting.recommendation.option, 'hire');
  assert.equal(decideStaffing(far, withAssumptions({ needMonths: 3 })).recommendation.option, 'freelance');
});

test('mobility ranks by skills, O*NET relation and shared work activities, with what each needs to learn', () => {
  const target = {
    id: 'data-analyst',
    name: 'Data analyst',
    required: TARGET,
    occupationCode: '15-2051.01',
    relatedOccupations: new Set(['13-2011.00']),
    activities: new Set(['d1', 'd2', 'd3', 'd4']),
  };
  const ranked = rankMobility(
    [
      {
        personKey: 'P1',
        name: 'Pat',
        team: 'A',
        occupationCode: '13-2011.00',
        levels: new Map([['python', 1]]),
        learningHoursPerWeek: 5,
      },
      {
        personKey: 'P2',
        name: 'Sam',
        team: 'B',
        occupationCode: '41-2031.00',
        levels: new Map([
          ['python', 2],
          ['sql', 2],
        ]),
        learningHoursPerWeek: null,
      },
    ],
    target,
    (skillId, from, to) => (to - from) * (skillId === 'sql' ? 10 : 5),
    (code) => new Set(code === '13-2011.00' ? ['d1', 'd2'] : []),
    4,
  );
  // P1: 100 × (0.7 × 0.25 + 0.15 × 1 + 0.15 × 0.5) = 40; P2: 100 × 0.7 × (0.5 + 0.25) = 52.5
  assert.deepEqual(
    ranked.map((r) => [r.personKey, r.closeness, r.hours, r.weeks]),
    [
      ['P2', 52.5, 20, 5],
      ['P1', 40, 45, 9],
    ],
  );
  assert.deepEqual(
    ranked[1]!.needs.map((n) => `${n.skillId} ${n.from}→${n.to} ${n.hours}h`),
    ['sql 0→4 40h', 'python 1→2 5h'],
  );
});

test('bench matching lists freelancers with the skill, available soonest then cheapest, with reasons', () => {
  const matches = matchBench(
    [{ team: 'Finance', skillId: 'sql', label: 'SQL', peopleMissing: 2 }],
    [
      {
        id: 1,
        name: 'Ann',
        skills: ['sql'],
        ratePerHour: 90,
        currency: 'USD',
        hoursPerWeek: 10,
        availableFrom: '2026-12-20',
      },
      {
        id: 2,
        name: 'Bob',
        skills: ['python'],
        ratePerHour: 50,
        currency: 'USD',
        hoursPerWeek: 10,
        availableFrom: null,
      },
      {
        id: 3,
        name: 'Cat',
        skills: ['sql', 'python'],
        ratePerHour: 120,
        currency: 'USD',
        hoursPerWeek: null,
        availableFrom: null,
      },
    ],
    '2026-12-01',
  );
  assert.deepEqual(
    matches[0]!.freelancers.map((f) => [f.name, f.reasons]),
    [
      ['Cat', ['lists SQL', '$120/h', 'hours a week not given', 'available now']],
      ['Ann', ['lists SQL', '$90/h', '10 h/week', 'available from 2026-12-20']],
    ],
  );
});

/**
 * Upskill, hire or freelance for one team's skill gap: each option's arithmetic from documented
 * assumptions (docs/staffing-assumptions.md), a recommendation in words following the seeds'
 * advice, and the break-even value of the assumption that decides it.
 */

/** Every default, with where it comes from; docs/staffing-assumptions.md says the same at more length. */
export const DEFAULT_ASSUMPTIONS = {
  /** Employer cost of an hour of wages: BLS ECEC June 2021, private industry, $36.64 total ÷ $25.89 wages. */
  benefitsMultiplier: 1.415,
  /** SHRM Human Capital Benchmarking Report (press release 3 Aug 2016): average cost per hire. */
  costPerHire: 4129,
  /** Same SHRM report: average days to fill a position. */
  timeToFillDays: 42,
  /** Months the team needs the skill for (an assumption of the decision; set it per gap). */
  needMonths: 12,
  /** Hours a week of work that needs the skill at the target level (an assumption; set it per gap). */
  needHoursPerWeek: 10,
  /** A need this short or shorter is "short" (the seeds: freelance for short specialist needs). */
  shortNeedMonths: 6,
  /** At most this many of the closest people are trained for one gap (two or more avoid a single point of failure). */
  upskillPeople: 3,
  /** Course fees per person trained on top of the catalogue's (the catalogue lists free resources first). */
  courseCostPerPerson: 0,
  /** Without a bench rate: the freelancer's hourly rate as a multiple of the occupation's loaded hourly wage. */
  freelanceRateMultiple: 1.5,
  /** Learning hours a week for people whose roster gives none. */
  learningHoursPerWeek: 4,
  /** Paid hours in a year (BLS OEWS's annual = hourly × 2,080). */
  hoursPerYear: 2080,
} as const;

export type AssumptionKey = keyof typeof DEFAULT_ASSUMPTIONS;
export type Assumptions = Record<AssumptionKey, number>;
export const ASSUMPTION_KEYS = Object.keys(DEFAULT_ASSUMPTIONS) as AssumptionKey[];

/** A candidate for upskilling: how far they are and what an hour of their time costs. */
export interface UpskillCandidate {
  personKey: string;
  name: string | null;
  currentLevel: number;
  hours: number;
  /** BLS OEWS median hourly wage of their occupation, null when unknown. */
  hourlyWage: number | null;
  learningHoursPerWeek: number | null;
  /** Catalogue course cost for the gap (0 when a free resource covers it). */
  catalogueCost: number;
}

export interface TeamGap {
  team: string;
  skillId: string;
  label: string;
  targetLevel: number;
  /** People in the team whose target needs the skill above their level. */
  peopleMissing: number;
  candidates: UpskillCandidate[];
  /** Salary for a hire: annual USD and where it comes from. */
  hireSalary: { annual: number; source: string } | null;
  /** Hourly wage used when no candidate has one (the team's occupation). */
  teamHourlyWage: number | null;
  /** Freelancers of the bench with the skill (cheapest first). */
  bench: { name: string; ratePerHour: number; hoursPerWeek: number | null; availableFrom: string | null }[];
}

export type StaffingOption = 'upskill' | 'hire' | 'freelance';

export interface OptionCost {
  option: StaffingOption;
  /** Total in USD over the need. */
  cost: number;
  /** Weeks until the skill is there. */
  weeks: number;
  /** The arithmetic, line by line, with every figure's origin. */
  arithmetic: string[];
  available: boolean;
}

export interface StaffingDecision {
  team: string;
  skillId: string;
  label: string;
  targetLevel: number;
  peopleMissing: number;
  /** Each option; `cost` is null where the option is not available (no salary or rate known, nobody to train). */
  options: (Omit<OptionCost, 'cost'> & { cost: number | null })[];
  recommendation: { option: StaffingOption; why: string; text: string };
  breakEven: { assumption: AssumptionKey; current: number; value: number; text: string } | null;
  assumptions: Assumptions;
}

const money = (value: number): string => `$${Math.round(value).toLocaleString('en-US')}`;
const num = (value: number, digits = 2): string => Number(value.toFixed(digits)).toLocaleString('en-US');

/** The defaults with the given overrides; an unknown key or a value that is not a finite number ≥ 0 is refused by the caller. */
export function withAssumptions(overrides: Partial<Record<string, number>> = {}): Assumptions {
  const out = { ...DEFAULT_ASSUMPTIONS } as Assumptions;
  for (const key of ASSUMPTION_KEYS) if (overrides[key] !== undefined) out[key] = overrides[key]!;
  return out;
}

/** The trainees of a gap: the closest people (fewest levels to go, then fewest hours), at most `upskillPeople`. */
export function chooseTrainees(gap: TeamGap, a: Assumptions): UpskillCandidate[] {
  return [...gap.candidates]
    .sort((x, y) => y.currentLevel - x.currentLevel || x.hours - y.hours || x.personKey.localeCompare(y.personKey))
    .slice(0, Math.max(1, Math.floor(a.upskillPeople)));
}

/** The three options' costs and times for one gap under the assumptions. */
export function costOptions(gap: TeamGap, a: Assumptions): OptionCost[] {
  const weeksOfNeed = (a.needMonths * 52) / 12;
  const trainees = chooseTrainees(gap, a);
  const upskillLines: string[] = [];
  let upskillCost = 0;
  let upskillWeeks = 0;
  for (const t of trainees) {
    const wage = t.hourlyWage ?? gap.teamHourlyWage ?? 0;
    const loaded = wage * a.benefitsMultiplier;
    const perWeek = t.learningHoursPerWeek ?? a.learningHoursPerWeek;
    const weeks = perWeek > 0 ? Math.ceil(t.hours / perWeek) : Infinity;
    const cost = t.hours * loaded + t.catalogueCost + a.courseCostPerPerson;
    upskillCost += cost;
    upskillWeeks = Math.max(upskillWeeks, weeks);
    upskillLines.push(
      `${t.name ?? t.personKey}: ${num(t.hours, 1)} h × $${num(wage)}/h BLS median wage × ${a.benefitsMultiplier} ` +
        `(benefits, BLS ECEC) + ${money(t.catalogueCost + a.courseCostPerPerson)} courses = ${money(cost)}; ` +
        `${weeks} ${weeks === 1 ? 'week' : 'weeks'} at ${num(perWeek, 1)} h/week`,
    );
  }
  const upskill: OptionCost = {
    option: 'upskill',
    cost: upskillCost,
    weeks: upskillWeeks,
    arithmetic: trainees.length ? upskillLines : ['nobody in the team is below the level and could be trained'],
    available: trainees.length > 0,
  };

  const salary = gap.hireSalary;
  const hireCost = salary
    ? a.costPerHire + salary.annual * a.benefitsMultiplier * (a.needMonths / 12)
    : Number.POSITIVE_INFINITY;
  const hire: OptionCost = {
    option: 'hire',
    cost: hireCost,
    weeks: Math.ceil(a.timeToFillDays / 7),
    arithmetic: salary
      ? [
          `recruiting ${money(a.costPerHire)} (SHRM average cost per hire, 2016; ` +
            `${num((100 * a.costPerHire) / salary.annual, 1)}% of the salary)`,
          `+ salary ${money(salary.annual)} (${salary.source}) × ${a.benefitsMultiplier} (benefits) × ` +
            `${num(a.needMonths, 1)}/12 months = ${money(hireCost)}`,
          `${a.timeToFillDays} days to fill (SHRM average) ≈ ${Math.ceil(a.timeToFillDays / 7)} weeks`,
        ]
      : ['no salary is known for this role'],
    available: salary !== null,
  };

  const hours = a.needHoursPerWeek * weeksOfNeed;
  const benchRate = gap.bench[0]?.ratePerHour;
  const rate =
    benchRate ??
    (gap.teamHourlyWage !== null
      ? gap.teamHourlyWage * a.benefitsMultiplier * a.freelanceRateMultiple
      : salary
        ? (salary.annual / a.hoursPerYear) * a.benefitsMultiplier * a.freelanceRateMultiple
        : null);
  const freelance: OptionCost = {
    option: 'freelance',
    cost: rate === null ? Number.POSITIVE_INFINITY : rate * hours,
    weeks: gap.bench.length ? 1 : 2,
    arithmetic:
      rate === null
        ? ['no rate is known: import a freelancer bench']
        : [
            benchRate !== undefined
              ? `$${num(rate)}/h (${gap.bench[0]!.name}, the bench's cheapest with the skill)`
              : `$${num(rate)}/h (loaded wage × ${a.freelanceRateMultiple}, an assumption: no bench rate for this skill)`,
            `× ${num(a.needHoursPerWeek, 1)} h/week × ${num(weeksOfNeed, 1)} weeks = ${num(hours, 1)} h → ` +
              `${money(rate * hours)}`,
          ],
    available: rate !== null,
  };
  return [upskill, hire, freelance];
}

interface Choice {
  option: StaffingOption;
  why: string;
}

/**
 * The seeds' advice, in order: (1) upskill people who know the business when someone is one level
 * away, it costs no more than a hire and it is done within the need; (2) freelance for a short need;
 * (3) hire where no one is near and the need lasts — unless freelancing the hours costs less;
 * (4) otherwise the cheapest.
 */
export function chooseOption(gap: TeamGap, options: readonly OptionCost[], a: Assumptions): Choice {
  const by = new Map(options.map((o) => [o.option, o]));
  const upskill = by.get('upskill')!;
  const hire = by.get('hire')!;
  const freelance = by.get('freelance')!;
  const near = chooseTrainees(gap, a).filter((t) => gap.targetLevel - t.currentLevel <= 1).length;
  const weeksOfNeed = (a.needMonths * 52) / 12;
  const short = a.needMonths <= a.shortNeedMonths;
  if (upskill.available && upskill.cost <= hire.cost && upskill.weeks <= weeksOfNeed) {
    if (near > 0) return { option: 'upskill', why: 'people who know the business are one level away' };
    if (upskill.weeks <= hire.weeks)
      return { option: 'upskill', why: `people who know the business can learn it sooner than a hire could start` };
  }
  if (short && freelance.available)
    return { option: 'freelance', why: `the need is short (${num(a.needMonths, 1)} months)` };
  if (near === 0 && hire.available && hire.cost <= freelance.cost)
    return { option: 'hire', why: `no one is near and the need lasts ${num(a.needMonths, 1)} months` };
  if (near === 0 && freelance.available)
    return {
      option: 'freelance',
      why: `no one is near, and ${num(a.needHoursPerWeek, 1)} h/week of freelance work costs less than a hire`,
    };
  const cheapest = [...options].filter((o) => o.available).sort((x, y) => x.cost - y.cost)[0];
  return { option: cheapest?.option ?? 'hire', why: 'it costs least' };
}

function sentence(gap: TeamGap, choice: Choice, options: readonly OptionCost[], a: Assumptions): string {
  const by = new Map(options.map((o) => [o.option, o]));
  const chosen = by.get(choice.option)!;
  const others = options
    .filter((o) => o.option !== choice.option && o.available)
    .map((o) => `${money(o.cost)} to ${o.option}`)
    .join(' or ');
  const vs = others ? ` vs ${others}` : '';
  if (choice.option === 'upskill') {
    const trainees = chooseTrainees(gap, a);
    const near = trainees.filter((t) => gap.targetLevel - t.currentLevel <= 1).length;
    const perWeek = trainees[0]?.learningHoursPerWeek ?? a.learningHoursPerWeek;
    const who =
      near === trainees.length
        ? `${trainees.length} ${trainees.length === 1 ? 'person is' : 'people are'} one level away`
        : near > 0
          ? `train the ${trainees.length} closest (${near} one level away)`
          : `train the ${trainees.length} closest (${num(Math.max(...trainees.map((t) => t.hours)), 1)} h each at most)`;
    const weeks = `${chosen.weeks} ${chosen.weeks === 1 ? 'week' : 'weeks'}`;
    return `upskill: ${who}; ${weeks} at ${num(perWeek, 1)} h/week; ${money(chosen.cost)}${vs}`;
  }
  if (choice.option === 'hire')
    return `hire: ${choice.why}; about ${chosen.weeks} weeks to fill; ${money(chosen.cost)} over ${num(a.needMonths, 1)} months${vs}`;
  return (
    `freelance: ${choice.why}; ${money(chosen.cost)} for ${num(a.needHoursPerWeek, 1)} h/week` +
    `${gap.bench.length ? ` (${gap.bench.length} on the bench)` : ''}${vs}`
  );
}

/** The assumptions whose break-even is searched, in the order a tie is settled. */
const SENSITIVE: readonly AssumptionKey[] = [
  'needMonths',
  'needHoursPerWeek',
  'freelanceRateMultiple',
  'costPerHire',
  'benefitsMultiplier',
];

/**
 * The value of one assumption at which the recommended option stops costing less than the best other
 * one: searched for each sensitive assumption (bisection between 0 and 100× its value), the decisive
 * one being the assumption that needs the smallest relative change.
 */
export function breakEven(gap: TeamGap, a: Assumptions, chosen: StaffingOption): StaffingDecision['breakEven'] {
  const margin = (assumptions: Assumptions): number | null => {
    const options = costOptions(gap, assumptions);
    const mine = options.find((o) => o.option === chosen)!;
    const rival = options.filter((o) => o.option !== chosen && o.available).sort((x, y) => x.cost - y.cost)[0];
    if (!rival || !mine.available) return null;
    return rival.cost - mine.cost;
  };
  const here = margin(a);
  if (here === null) return null;
  let best: { key: AssumptionKey; value: number; change: number } | null = null;
  for (const key of SENSITIVE) {
    const current = a[key];
    if (current <= 0) continue;
    const at = (value: number) => margin({ ...a, [key]: value });
    // Look for a sign change of the margin below or above the current value.
    for (const [lo0, hi0] of [
      [0, current],
      [current, current * 100],
    ] as const) {
      const mlo = at(lo0);
      const mhi = at(hi0);
      if (mlo === null || mhi === null || Math.sign(mlo) === Math.sign(mhi) || mlo === 0 || mhi === 0) continue;
      let lo = lo0;
      let hi = hi0;
      for (let i = 0; i < 80; i++) {
        const mid = (lo + hi) / 2;
        if (Math.sign(at(mid)!) === Math.sign(mlo)) lo = mid;
        else hi = mid;
      }
      const value = (lo + hi) / 2;
      const change = Math.abs(value / current - 1);
      if (!best || change < best.change - 1e-9) best = { key, value, change };
      break;
    }
  }
  if (!best) return null;
  const value = Math.round(best.value * 100) / 100;
  return {
    assumption: best.key,
    current: a[best.key],
    value,
    text:
      here > 0
        ? `${chosen} stays cheaper than the next option while ${best.key} is ` +
          `${value > a[best.key] ? 'below' : 'above'} ${num(value)} (now ${num(a[best.key])})`
        : `${chosen} costs more than the next option; it would cost less with ${best.key} ` +
          `${value > a[best.key] ? 'above' : 'below'} ${num(value)} (now ${num(a[best.key])})`,
  };
}

/** The decision for one team gap: the three options, the recommendation in words and its break-even. */
export function decideStaffing(gap: TeamGap, assumptions: Assumptions): StaffingDecision {
  const options = costOptions(gap, assumptions);
  const choice = chooseOption(gap, options, assumptions);
  return {
    team: gap.team,
    skillId: gap.skillId,
    label: gap.label,
    targetLevel: gap.targetLevel,
    peopleMissing: gap.peopleMissing,
    options: options.map((o) => ({
      ...o,
      cost: o.available && Number.isFinite(o.cost) ? Math.round(o.cost * 100) / 100 : null,
    })),
    recommendation: { ...choice, text: sentence(gap, choice, options, assumptions) },
    breakEven: breakEven(gap, assumptions, choice.option),
    assumptions,
  };
}

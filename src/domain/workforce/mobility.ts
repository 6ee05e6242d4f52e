import type { RequiredLevel } from './readiness.js';

/** What the mobility ranking needs of a person. */
export interface MobilityCandidate {
  personKey: string;
  name: string | null;
  team: string | null;
  occupationCode: string | null;
  levels: ReadonlyMap<string, number>;
  learningHoursPerWeek: number | null;
}

/** The target: its required skills, its own occupation (if it is one) and the occupations O*NET relates to it. */
export interface MobilityTarget {
  id: string;
  name: string;
  required: readonly RequiredLevel[];
  occupationCode: string | null;
  /** O*NET Related Occupations of the target (Primary-Short first), or an authored role's related occupations. */
  relatedOccupations: ReadonlySet<string>;
  /** The target occupation's work activities (DWA ids), for shared tasks; empty for an authored role. */
  activities: ReadonlySet<string>;
}

export interface MobilityRanking {
  personKey: string;
  name: string | null;
  team: string | null;
  /** 0–100: MOBILITY_FORMULA. */
  closeness: number;
  skillMatch: number;
  related: boolean;
  sharedActivities: number;
  needs: { skillId: string; label: string; from: number; to: number; hours: number }[];
  hours: number;
  weeks: number;
}

export const MOBILITY_WEIGHTS = { skills: 0.7, related: 0.15, activities: 0.15 } as const;
export const MOBILITY_FORMULA =
  'closeness = 100 × (0.7 × skill match + 0.15 × related + 0.15 × shared work activities), where skill match = ' +
  'Σ weight × min(1, current ÷ required) over the target’s skills, related = 1 when the person’s occupation is the ' +
  'target or one O*NET relates to it, and shared work activities = the share of the target’s O*NET work activities ' +
  'the person’s occupation also performs.';

/**
 * Ranks people by how close they are to a target role or occupation (MOBILITY_FORMULA), with what
 * each would need to learn and how long it takes at their learning hours. `hoursFor` gives the
 * graph's learning hours between two levels of a skill; `activitiesOf` an occupation's DWAs.
 */
export function rankMobility(
  people: readonly MobilityCandidate[],
  target: MobilityTarget,
  hoursFor: (skillId: string, from: number, to: number) => number,
  activitiesOf: (occupationCode: string) => ReadonlySet<string>,
  defaultHoursPerWeek: number,
): MobilityRanking[] {
  const totalWeight = target.required.reduce((sum, r) => sum + r.weight, 0) || 1;
  const ranked = people.map((person) => {
    let match = 0;
    const needs: MobilityRanking['needs'] = [];
    for (const need of target.required) {
      const have = person.levels.get(need.skillId) ?? 0;
      match += need.weight * Math.min(1, have / need.level);
      if (have < need.level)
        needs.push({
          skillId: need.skillId,
          label: need.label,
          from: have,
          to: need.level,
          hours: hoursFor(need.skillId, have, need.level),
        });
    }
    const skillMatch = match / totalWeight;
    const code = person.occupationCode;
    const related = code !== null && (code === target.occupationCode || target.relatedOccupations.has(code));
    let shared = 0;
    if (code !== null && target.activities.size > 0) {
      const mine = activitiesOf(code);
      for (const dwa of target.activities) if (mine.has(dwa)) shared += 1;
    }
    const sharedShare = target.activities.size ? shared / target.activities.size : 0;
    const closeness =
      100 *
      (MOBILITY_WEIGHTS.skills * skillMatch +
        MOBILITY_WEIGHTS.related * (related ? 1 : 0) +
        MOBILITY_WEIGHTS.activities * sharedShare);
    const hours = needs.reduce((sum, n) => sum + n.hours, 0);
    const perWeek = person.learningHoursPerWeek ?? defaultHoursPerWeek;
    return {
      personKey: person.personKey,
      name: person.name,
      team: person.team,
      closeness: Math.round(closeness * 10) / 10,
      skillMatch: Math.round(skillMatch * 1000) / 1000,
      related,
      sharedActivities: Math.round(sharedShare * 1000) / 1000,
      needs: needs.sort((a, b) => b.hours - a.hours || a.skillId.localeCompare(b.skillId)),
      hours: Math.round(hours * 10) / 10,
      weeks: perWeek > 0 ? Math.ceil(hours / perWeek) : 0,
    };
  });
  return ranked.sort(
    (a, b) => b.closeness - a.closeness || a.hours - b.hours || a.personKey.localeCompare(b.personKey),
  );
}

/** A freelancer of the bench as the matcher sees it. */
export interface BenchFreelancer {
  id: number;
  name: string;
  skills: readonly string[];
  ratePerHour: number;
  currency: string;
  hoursPerWeek: number | null;
  availableFrom: string | null;
}

export interface BenchMatch {
  team: string;
  skillId: string;
  label: string;
  peopleMissing: number;
  freelancers: { id: number; name: string; ratePerHour: number; currency: string; reasons: string[] }[];
}

/**
 * Freelancers of the bench for each gap: those listing the skill, available soonest and cheapest
 * first, each with the reasons in words.
 */
export function matchBench(
  gaps: readonly { team: string; skillId: string; label: string; peopleMissing: number }[],
  bench: readonly BenchFreelancer[],
  today: string,
): BenchMatch[] {
  return gaps.map((gap) => ({
    team: gap.team,
    skillId: gap.skillId,
    label: gap.label,
    peopleMissing: gap.peopleMissing,
    freelancers: bench
      .filter((f) => f.skills.includes(gap.skillId))
      .sort(
        (a, b) =>
          (a.availableFrom ?? today).localeCompare(b.availableFrom ?? today) ||
          a.ratePerHour - b.ratePerHour ||
          a.id - b.id,
      )
      .map((f) => ({
        id: f.id,
        name: f.name,
        ratePerHour: f.ratePerHour,
        currency: f.currency,
        reasons: [
          `lists ${gap.label}`,
          `${f.currency === 'USD' ? '$' : `${f.currency} `}${f.ratePerHour}/h`,
          f.hoursPerWeek === null ? 'hours a week not given' : `${f.hoursPerWeek} h/week`,
          !f.availableFrom || f.availableFrom <= today ? 'available now' : `available from ${f.availableFrom}`,
        ],
      })),
  }));
}

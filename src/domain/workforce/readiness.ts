/**
 * Readiness of a workforce for the AI-augmented version of its work, person by person and rolled
 * up by team, department or level. Pure: the app layer gathers each person's target and levels.
 */

/** A skill a person's target needs, at a level (1 aware … 4 can lead), with its weight (a target's weights sum to 1). */
export interface RequiredLevel {
  skillId: string;
  label: string;
  level: number;
  weight: number;
}

/** What the roll-ups need of one person. */
export interface AssessedPerson {
  personKey: string;
  name: string | null;
  team: string | null;
  department: string | null;
  level: string | null;
  occupationCode: string | null;
  /** Share of the occupation's work exposed to generative AI (0–1; GPTs-are-GPTs β), null when unknown. */
  exposure: number | null;
  /** Observed AI use of the occupation (Microsoft AI applicability score, 0–1), null when unknown. */
  observedUse: number | null;
  /** Current levels (roster > résumé > O*NET defaults). */
  levels: ReadonlyMap<string, number>;
  required: readonly RequiredLevel[];
  /** Learning hours from each current level to the required one (the skills graph's hours). */
  gapHours: ReadonlyMap<string, number>;
}

export const READINESS_FORMULA =
  'readiness = 100 × Σ over the target’s skills of weight × min(1, current level ÷ required level), ' +
  'per person; a group’s readiness is the mean of its people’s; a heat-map cell is 100 × the mean of ' +
  'min(1, current ÷ required) over the group’s people whose target needs that skill.';

/** A person is "near" their target at this readiness and above. */
export const NEAR_TARGET = 80;
/** A skill is "held" at this level (can use) and above, for single points of failure. */
export const HOLD_LEVEL = 2;
/** Groups smaller than this single people out: only a viewer who may see everyone in them sees their figures. */
export const SMALL_GROUP = 5;

const round1 = (value: number): number => Math.round(value * 10) / 10;

/** One person's readiness for their target, 0–100 (READINESS_FORMULA). */
export function personReadiness(person: Pick<AssessedPerson, 'levels' | 'required'>): number {
  let met = 0;
  let total = 0;
  for (const need of person.required) {
    total += need.weight;
    met += need.weight * Math.min(1, (person.levels.get(need.skillId) ?? 0) / need.level);
  }
  return total === 0 ? 100 : round1((100 * met) / total);
}

export type GroupBy = 'team' | 'department' | 'level';

export interface MissingSkill {
  skillId: string;
  label: string;
  /** People whose target needs the skill above their current level. */
  people: number;
  hours: number;
}

export interface ReadinessGroup {
  name: string;
  people: number;
  /** True when the group is under SMALL_GROUP people and the viewer may not see all of them: figures withheld. */
  withheld: boolean;
  readiness: number | null;
  /** Mean share of work exposed (0–1) over the people whose occupation has a score. */
  exposedShare: number | null;
  observedUse: number | null;
  nearTarget: number | null;
  /** Those near their target whom the viewer may see by name (closest first, at most ten). */
  nearTargetPeople: { personKey: string; name: string | null; readiness: number }[];
  missingSkills: MissingSkill[];
}

export interface HeatCell {
  skillId: string;
  /** 0–100, null where nobody in the group needs the skill (or the group is withheld). */
  value: number | null;
  people: number;
}

export interface SinglePointOfFailure {
  group: string;
  skillId: string;
  label: string;
  /** The one holder, or null when the viewer may not see who it is. */
  holder: { personKey: string; name: string | null; level: number } | null;
}

export interface ReadinessRollUp {
  by: GroupBy;
  formula: string;
  people: number;
  readiness: number;
  exposedShare: number | null;
  groups: ReadinessGroup[];
  heatMap: { skills: { skillId: string; label: string }[]; rows: { group: string; cells: HeatCell[] }[] };
  singlePointsOfFailure: SinglePointOfFailure[];
}

/** The group of people with no team, department or level on the roster. */
export const UNASSIGNED_GROUP = '(none)';
const groupOf = (person: AssessedPerson, by: GroupBy): string => person[by] ?? UNASSIGNED_GROUP;
const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
const round3 = (value: number | null): number | null => (value === null ? null : Math.round(value * 1000) / 1000);

export interface RollUpOptions {
  /** Whether the viewer may see this person (names, drill-down); personal mode: always. */
  mayView: (personKey: string) => boolean;
  /** Skills shown as heat-map columns: the most-missing ones, at most this many. */
  heatSkills?: number;
  /** Missing skills listed per group. */
  missingPerGroup?: number;
}

/**
 * Rolls people up by team, department or level: readiness (READINESS_FORMULA), share of work
 * exposed, observed use, the most-missing skills, people near their target, the teams × skills heat
 * map and the single points of failure (a skill the group's targets need that exactly one of its
 * people holds at "can use" or above). A group under SMALL_GROUP people whose people the viewer may
 * not all see shows its head-count only.
 */
export function rollUpReadiness(
  people: readonly AssessedPerson[],
  by: GroupBy,
  options: RollUpOptions,
): ReadinessRollUp {
  const groups = new Map<string, AssessedPerson[]>();
  for (const person of people) {
    const name = groupOf(person, by);
    const list = groups.get(name);
    if (list) list.push(person);
    else groups.set(name, [person]);
  }
  const labels = new Map<string, string>();
  const missingAll = new Map<string, number>();
  for (const person of people)
    for (const need of person.required) {
      labels.set(need.skillId, need.label);
      if ((person.levels.get(need.skillId) ?? 0) < need.level)
        missingAll.set(need.skillId, (missingAll.get(need.skillId) ?? 0) + 1);
    }
  const heatSkills = [...missingAll]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, options.heatSkills ?? 12)
    .map(([skillId]) => ({ skillId, label: labels.get(skillId)! }));

  const readinessOf = new Map(people.map((p) => [p.personKey, personReadiness(p)]));
  const outGroups: ReadinessGroup[] = [];
  const rows: ReadinessRollUp['heatMap']['rows'] = [];
  const spofs: SinglePointOfFailure[] = [];
  for (const [name, members] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    const withheld = members.length < SMALL_GROUP && !members.every((m) => options.mayView(m.personKey));
    const missing = new Map<string, MissingSkill>();
    for (const person of members)
      for (const need of person.required) {
        if ((person.levels.get(need.skillId) ?? 0) >= need.level) continue;
        const entry = missing.get(need.skillId) ?? { skillId: need.skillId, label: need.label, people: 0, hours: 0 };
        entry.people += 1;
        entry.hours += person.gapHours.get(need.skillId) ?? 0;
        missing.set(need.skillId, entry);
      }
    const readiness = mean(members.map((m) => readinessOf.get(m.personKey)!));
    outGroups.push({
      name,
      people: members.length,
      withheld,
      readiness: withheld || readiness === null ? null : round1(readiness),
      exposedShare: withheld ? null : round3(mean(members.flatMap((m) => (m.exposure === null ? [] : [m.exposure])))),
      observedUse: withheld
        ? null
        : round3(mean(members.flatMap((m) => (m.observedUse === null ? [] : [m.observedUse])))),
      nearTarget: withheld ? null : members.filter((m) => readinessOf.get(m.personKey)! >= NEAR_TARGET).length,
      nearTargetPeople: members
        .filter((m) => readinessOf.get(m.personKey)! >= NEAR_TARGET && options.mayView(m.personKey))
        .map((m) => ({ personKey: m.personKey, name: m.name, readiness: readinessOf.get(m.personKey)! }))
        .sort((a, b) => b.readiness - a.readiness || a.personKey.localeCompare(b.personKey))
        .slice(0, 10),
      missingSkills: withheld
        ? []
        : [...missing.values()]
            .map((m) => ({ ...m, hours: round1(m.hours) }))
            .sort((a, b) => b.people - a.people || b.hours - a.hours || a.skillId.localeCompare(b.skillId))
            .slice(0, options.missingPerGroup ?? 5),
    });
    rows.push({
      group: name,
      cells: heatSkills.map(({ skillId }) => {
        const shares = members.flatMap((m) => {
          const need = m.required.find((r) => r.skillId === skillId);
          return need ? [Math.min(1, (m.levels.get(skillId) ?? 0) / need.level)] : [];
        });
        const value = mean(shares);
        return { skillId, value: withheld || value === null ? null : round1(100 * value), people: shares.length };
      }),
    });
    const needed = new Set(members.flatMap((m) => m.required.map((r) => r.skillId)));
    for (const skillId of [...needed].sort()) {
      const holders = members.filter((m) => (m.levels.get(skillId) ?? 0) >= HOLD_LEVEL);
      if (holders.length !== 1) continue;
      const holder = holders[0]!;
      // In a withheld group even "one person holds it" singles someone out.
      if (withheld && !options.mayView(holder.personKey)) continue;
      spofs.push({
        group: name,
        skillId,
        label: labels.get(skillId)!,
        holder: options.mayView(holder.personKey)
          ? { personKey: holder.personKey, name: holder.name, level: holder.levels.get(skillId)! }
          : null,
      });
    }
  }
  const overall = mean([...readinessOf.values()]);
  return {
    by,
    formula: READINESS_FORMULA,
    people: people.length,
    readiness: overall === null ? 0 : round1(overall),
    exposedShare: round3(mean(people.flatMap((m) => (m.exposure === null ? [] : [m.exposure])))),
    groups: outGroups,
    heatMap: { skills: heatSkills, rows },
    singlePointsOfFailure: spofs,
  };
}

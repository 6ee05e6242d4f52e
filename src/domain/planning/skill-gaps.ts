import type { Skill, SkillGraph } from '../skills/index.js';
import type { RequiredSkill, TargetRole } from './target-roles.js';
import { levelName } from './skill-levels.js';

/** 0 none, 1 aware, 2 can use, 3 can build, 4 can lead. */
export type SkillLevel = 0 | 1 | 2 | 3 | 4;

export interface SkillGap {
  skillId: string;
  name: string;
  currentLevel: SkillLevel;
  requiredLevel: SkillLevel;
  /** The gap's share of the target (its required skill's weight). */
  weight: number;
  /** Learning hours from the current to the required level (the graph's cumulative hours). */
  hours: number;
  reasons: string[];
  /** How much loaded job postings ask for it (absent when the plan has no postings to read). */
  demand?: GapDemand;
}

/** A gap's demand in postings: the share asking for it, growth, and the factor its weight was multiplied by. */
export interface GapDemand {
  count: number;
  postings: number;
  share: number;
  low: number;
  high: number;
  yearOnYear: number | null;
  weightFactor: number;
}

/** Where a plan's demand comes from: the loaded postings for the worker's occupation or target, or O*NET's proxy. */
export interface DemandBasis {
  source: 'postings' | 'onet-hot-proxy';
  /** Whose postings ("Marketing Managers"); null for the proxy. */
  scope: string | null;
  postings: number;
  first: string | null;
  last: string | null;
  note: string;
}

export interface GapAnalysis {
  targetId: string;
  gaps: SkillGap[];
  met: { skillId: string; name: string; level: SkillLevel }[];
  /** What the gaps' demand is read from (absent only for analyses made outside a plan). */
  demand?: DemandBasis;
  /** Weighted share of the target already met (0–1). */
  readiness: number;
  totalHours: number;
}

const indexes = new WeakMap<readonly Skill[], ReadonlyMap<string, Skill>>();

/**
 * The graph's skills by id, built once per graph (keyed by its skills array, which is read once and
 * never changed): a plan looks skills up a few hundred times, and rebuilding the map or scanning
 * the list each time was a visible share of a plan's time.
 */
export function skillsById(graph: SkillGraph): ReadonlyMap<string, Skill> {
  let index = indexes.get(graph.skills);
  if (!index) indexes.set(graph.skills, (index = new Map(graph.skills.map((s) => [s.id, s]))));
  return index;
}

/** Cumulative hours to reach a level of a skill (0 for level 0). */
export function hoursToLevel(graph: SkillGraph, skillId: string, level: SkillLevel): number {
  const skill = skillsById(graph).get(skillId);
  return skill && level > 0 ? skill.hours[level - 1]! : 0;
}

/**
 * What stands between a worker and a target: each missing level with its weight, the hours it
 * takes, and the reasons in words. `hotSkills` are skills whose O*NET technology the worker's
 * occupation marks "hot".
 */
export function analyzeGaps(
  graph: SkillGraph,
  target: TargetRole,
  current: ReadonlyMap<string, SkillLevel>,
  hotSkills: ReadonlySet<string> = new Set(),
): GapAnalysis {
  const skills = skillsById(graph);
  const gaps: SkillGap[] = [];
  const met: GapAnalysis['met'] = [];
  let metWeight = 0;
  for (const required of target.skills) {
    const have = current.get(required.skillId) ?? 0;
    const name = skills.get(required.skillId)?.name ?? required.skillId;
    if (have >= required.level) {
      met.push({ skillId: required.skillId, name, level: have });
      metWeight += required.weight;
      continue;
    }
    metWeight += required.weight * (have / required.level);
    gaps.push(toGap(graph, required, name, have, hotSkills));
  }
  gaps.sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
  return {
    targetId: target.id,
    gaps,
    met,
    readiness: metWeight,
    totalHours: gaps.reduce((sum, gap) => sum + gap.hours, 0),
  };
}

function toGap(
  graph: SkillGraph,
  required: RequiredSkill,
  name: string,
  have: SkillLevel,
  hotSkills: ReadonlySet<string>,
): SkillGap {
  const reasons = [...required.reasons];
  if (have > 0) reasons.push(`you are at “${levelName(have)}”`);
  if (hotSkills.has(required.skillId)) reasons.push('O*NET marks the related technology "hot" for your occupation');
  return {
    skillId: required.skillId,
    name,
    currentLevel: have,
    requiredLevel: required.level,
    weight: required.weight,
    hours: hoursToLevel(graph, required.skillId, required.level) - hoursToLevel(graph, required.skillId, have),
    reasons,
  };
}

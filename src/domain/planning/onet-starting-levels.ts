import type { SkillLevel } from './skill-gaps.js';

/**
 * Which O*NET Skills and Knowledge elements tell how far an occupation's workers already have a
 * human or core skill of the graph. A worker's starting level is the mean O*NET level (LV, 0–7) of
 * those elements for their occupation, mapped to the graph's levels. Skills with no O*NET
 * counterpart (adaptability, creativity, ethical reasoning) get none: they start where the résumé or
 * the person puts them.
 */
export const ONET_EVIDENCE: Readonly<Record<string, readonly string[]>> = {
  communication: ['Speaking', 'Writing', 'Active Listening'],
  'critical-thinking': ['Critical Thinking'],
  'problem-solving': ['Complex Problem Solving'],
  'time-management': ['Time Management'],
  collaboration: ['Coordination', 'Social Perceptiveness'],
  judgement: ['Judgment and Decision Making'],
  'data-literacy': ['Mathematics', 'Reading Comprehension'],
  storytelling: ['Writing', 'Persuasion', 'Communications and Media'],
  'customer-empathy': ['Service Orientation', 'Social Perceptiveness', 'Customer and Personal Service'],
  spreadsheets: ['Computers and Electronics', 'Mathematics'],
  statistics: ['Mathematics'],
  python: ['Programming'],
};

/**
 * O*NET's level scale runs 0–7 with anchors at about 2 (basic), 4 (intermediate) and 6 (expert);
 * the graph's run none, aware, can use, can build, can lead. Upper bounds of each graph level.
 */
const LV_BOUNDS: readonly [number, SkillLevel][] = [
  [1.5, 0],
  [3, 1],
  [4.5, 2],
  [6, 3],
  [Infinity, 4],
];

/** The graph level that an O*NET level (LV 0–7) corresponds to. */
export function graphLevelFromOnet(lv: number): SkillLevel {
  for (const [bound, level] of LV_BOUNDS) if (lv < bound) return level;
  return 4;
}

export interface OnetStartingLevel {
  level: SkillLevel;
  /** The O*NET elements and their levels this was read from, for the reason shown to the worker. */
  basis: { element: string; lv: number }[];
}

/** Starting levels for an occupation from its O*NET Skills/Knowledge level ratings (scale LV). */
export function onetStartingLevels(
  ratings: readonly { elementName: string; scaleId: string; value: number }[],
): Map<string, OnetStartingLevel> {
  const lv = new Map<string, number>();
  // "Mathematics" is both a Skill and a Knowledge element; the Skill rating (read first) is the one kept.
  for (const rating of ratings)
    if (rating.scaleId === 'LV' && !lv.has(rating.elementName)) lv.set(rating.elementName, rating.value);
  const levels = new Map<string, OnetStartingLevel>();
  for (const [skillId, elements] of Object.entries(ONET_EVIDENCE)) {
    const basis = elements.filter((element) => lv.has(element)).map((element) => ({ element, lv: lv.get(element)! }));
    if (basis.length === 0) continue;
    const mean = basis.reduce((sum, item) => sum + item.lv, 0) / basis.length;
    levels.set(skillId, { level: graphLevelFromOnet(mean), basis });
  }
  return levels;
}

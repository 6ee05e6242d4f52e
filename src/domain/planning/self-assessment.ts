import type { SkillGraph } from '../skills/skill-graph.js';
import { LEVEL_NAMES } from './skill-levels.js';
import type { SkillLevel } from './skill-gaps.js';
import type { TargetRole } from './target-roles.js';

/** At most this many skills on the one self-assessment screen. */
export const MAX_ASSESSED_SKILLS = 12;

export interface AssessedSkill {
  skillId: string;
  name: string;
  category: string;
  /** The level the target asks for. */
  needed: SkillLevel;
  /** Where the person starts today, and why: O*NET's rating of their occupation, their résumé, or nothing yet. */
  suggested: SkillLevel;
  source: 'onet' | 'résumé' | 'confirmed' | 'none';
  basis?: string;
  /** Every level in plain words, none to can lead, to choose from. */
  levels: { level: SkillLevel; name: string; description: string }[];
}

/**
 * The skills worth confirming for a target, on one screen: those the target needs, heaviest first,
 * at most twelve; each with the suggested starting level and every level described in words.
 */
export function chooseAssessmentSkills(
  graph: SkillGraph,
  target: TargetRole,
  current: ReadonlyMap<string, { level: SkillLevel; source: AssessedSkill['source']; basis?: string | undefined }>,
): AssessedSkill[] {
  const byId = new Map(graph.skills.map((skill) => [skill.id, skill]));
  return [...target.skills]
    .sort((a, b) => b.weight - a.weight || a.skillId.localeCompare(b.skillId))
    .filter((required) => byId.has(required.skillId))
    .slice(0, MAX_ASSESSED_SKILLS)
    .map((required) => {
      const skill = byId.get(required.skillId)!;
      const start = current.get(skill.id);
      return {
        skillId: skill.id,
        name: skill.name,
        category: skill.category,
        needed: required.level,
        suggested: start?.level ?? 0,
        source: start?.source ?? 'none',
        ...(start?.basis ? { basis: start.basis } : {}),
        levels: [
          { level: 0, name: LEVEL_NAMES[0], description: `No experience with ${skill.name.toLowerCase()} yet.` },
          ...skill.levels.map((description, i) => ({
            level: (i + 1) as SkillLevel,
            name: LEVEL_NAMES[i + 1]!,
            description,
          })),
        ],
      };
    });
}

import type { SkillLevel } from './skill-gaps.js';

/** One vocabulary for levels everywhere in the product: CLI, API, web and exports. */
export const LEVEL_NAMES = ['none', 'aware', 'can use', 'can build', 'can lead'] as const;
export type LevelName = (typeof LEVEL_NAMES)[number];

/** The name of a level: 0 none, 1 aware, 2 can use, 3 can build, 4 can lead. */
export function levelName(level: SkillLevel): LevelName {
  return LEVEL_NAMES[level];
}

/** A level given as its number (0–4) or its name ("can use", "can-use", "Can_Use"); undefined when it is neither. */
export function parseLevel(text: string): SkillLevel | undefined {
  const value = text
    .trim()
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ');
  if (/^[0-4]$/.test(value)) return Number(value) as SkillLevel;
  const index = (LEVEL_NAMES as readonly string[]).indexOf(value);
  return index === -1 ? undefined : (index as SkillLevel);
}

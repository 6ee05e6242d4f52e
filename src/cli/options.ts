import { InvalidArgumentError, type Command, type Option } from 'commander';
import { LEVEL_NAMES, parseLevel } from '../domain/planning/skill-levels.js';
import type { SkillLevel } from '../domain/planning/skill-gaps.js';

const LEVELS_IN_WORDS = `a number or a name: ${LEVEL_NAMES.map((name, i) => `${i} ${name}`).join(', ')}`;

/**
 * Options of which at most one may be given (--json, --md, --ics): each conflicts with the others,
 * so two of them together are a usage error (exit 2) naming both, never one silently winning.
 */
export function addOneOf(command: Command, options: Option[]): Command {
  const names = options.map((option) => option.attributeName());
  for (const option of options)
    command.addOption(option.conflicts(names.filter((name) => name !== option.attributeName())));
  return command;
}

/** A level given on the command line: its number (0–4) or its name ("can use", can-use). */
export function levelArgument(value: string): SkillLevel {
  const level = parseLevel(value);
  if (level === undefined) throw new InvalidArgumentError(`"${value}" is not a level; give ${LEVELS_IN_WORDS}.`);
  return level;
}

export interface SkillLevelInput {
  skillId: string;
  level: SkillLevel;
}

/**
 * --skills id=level,…: each level its number or its name, e.g. prompt-engineering="can use",python=1.
 * Whether each skill exists is checked by the app, which names an unknown one (also exit 2).
 */
export function skillLevelsArgument(value: string): SkillLevelInput[] {
  const skills: SkillLevelInput[] = [];
  for (const part of value.split(',')) {
    const item = part.trim();
    if (item === '') continue;
    const equals = item.indexOf('=');
    const skillId = equals === -1 ? '' : item.slice(0, equals).trim();
    // The level as typed, also when its quotes reached us (prompt-engineering="can use" from a script, not a shell).
    const text =
      equals === -1
        ? ''
        : item
            .slice(equals + 1)
            .trim()
            .replace(/^(["'])(.*)\1$/, '$2')
            .trim();
    if (skillId === '' || text === '')
      throw new InvalidArgumentError(`"${item}" is not skill=level (e.g. prompt-engineering="can use",python=1).`);
    const level = parseLevel(text);
    if (level === undefined)
      throw new InvalidArgumentError(`"${text}" is not a level (for ${skillId}); give ${LEVELS_IN_WORDS}.`);
    if (skills.some((s) => s.skillId === skillId)) throw new InvalidArgumentError(`${skillId} is given twice.`);
    skills.push({ skillId, level });
  }
  if (skills.length === 0) throw new InvalidArgumentError('give at least one skill=level.');
  return skills;
}

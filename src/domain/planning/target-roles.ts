import { taskWeight, type ExposureLabel } from '../exposure/index.js';
import { levelName } from './skill-levels.js';

/** A skill a target needs, at a level (1 aware … 4 can lead), with its weight in the target and why. */
export interface RequiredSkill {
  skillId: string;
  level: 1 | 2 | 3 | 4;
  /** Share of the target's needs this skill carries (0–1; a target's weights sum to 1). */
  weight: number;
  reasons: string[];
}

export interface TargetRole {
  id: string;
  name: string;
  description: string;
  relatedOccupations: string[];
  skills: RequiredSkill[];
}

export interface AuthoredRole {
  id: string;
  name: string;
  description: string;
  relatedOccupations: string[];
  skills: Record<string, number>;
}

/** An authored role as a target: higher required levels weigh more. */
export function roleTarget(role: AuthoredRole): TargetRole {
  const total = Object.values(role.skills).reduce((sum, level) => sum + level, 0);
  return {
    id: role.id,
    name: role.name,
    description: role.description,
    relatedOccupations: role.relatedOccupations,
    skills: Object.entries(role.skills).map(([skillId, level]) => ({
      skillId,
      level: level as RequiredSkill['level'],
      weight: level / total,
      reasons: [`${role.name} requires “${levelName(level as RequiredSkill['level'])}”`],
    })),
  };
}

/** The derived target keeps the heaviest skills until they carry this share of the need, and at most this many. */
const FOCUS_SHARE = 0.8;
const MAX_AUGMENTED_SKILLS = 10;

export interface OccupationTask {
  statement: string;
  taskType: 'Core' | 'Supplemental' | null;
  importance: number | null;
  human: ExposureLabel | null;
  gpt4: ExposureLabel | null;
}

/** A task with the work activity whose guidance it takes, and the skills that guidance practises. */
export interface GuidedTask extends OccupationTask {
  /** The work activity (e.g. "Analyze market or industry conditions"); absent when no guidance applies. */
  activity?: string | undefined;
  /** Skills practised by using AI on it; empty for a human-only task. */
  skills: readonly string[];
}

/**
 * "AI-augmented <occupation>": the skills that let its holder use AI on the tasks either rater
 * labelled exposed — the skills their work activities' guidance practises, never a human-only
 * task's — each weighted like the exposure score (core 2, supplemental 1, or importance).
 */
export function augmentedTarget(occupation: { code: string; title: string }, tasks: readonly GuidedTask[]): TargetRole {
  const bySkill = new Map<string, { weight: number; tasks: number; core: number; capabilities: Set<string> }>();
  for (const task of tasks) {
    if ((task.human ?? 'E0') === 'E0' && (task.gpt4 ?? 'E0') === 'E0') continue;
    if (!task.activity || task.skills.length === 0) continue;
    const weight = taskWeight(task);
    for (const skillId of task.skills) {
      const entry = bySkill.get(skillId) ?? { weight: 0, tasks: 0, core: 0, capabilities: new Set<string>() };
      entry.weight += weight;
      entry.tasks += 1;
      if (task.taskType === 'Core') entry.core += 1;
      entry.capabilities.add(task.activity.replace(/\.$/, '').toLowerCase());
      bySkill.set(skillId, entry);
    }
  }
  const skillWeightSum = [...bySkill.values()].reduce((sum, entry) => sum + entry.weight, 0);
  const skills: RequiredSkill[] = [...bySkill].map(([skillId, entry]) => ({
    skillId,
    // Using AI on one's own tasks takes "can use"; building for others is what the AI roles ask.
    level: 2,
    weight: entry.weight / skillWeightSum,
    reasons: [
      `used on ${entry.tasks} of your occupation's exposed tasks (${entry.core} core) for ${[...entry.capabilities].join(', ')}`,
    ],
  }));
  skills.sort((a, b) => b.weight - a.weight || a.skillId.localeCompare(b.skillId));
  // A focused target: the skills that carry most of the exposed work, not every skill any task touches.
  const focused: RequiredSkill[] = [];
  let covered = 0;
  for (const skill of skills) {
    if (focused.length >= MAX_AUGMENTED_SKILLS || covered >= FOCUS_SHARE) break;
    focused.push(skill);
    covered += skill.weight;
  }
  for (const skill of focused) skill.weight /= covered;
  return {
    id: `ai-augmented:${occupation.code}`,
    name: `AI-augmented ${occupation.title}`,
    description: `Stay in your occupation and use generative AI on the ${occupation.title.toLowerCase()} tasks it can help with.`,
    relatedOccupations: [occupation.code],
    skills: focused,
  };
}

import { wordTokens } from '../text/normalize.js';

export const SKILL_LEVELS = ['aware', 'use', 'build', 'lead'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export interface SkillCategory {
  id: string;
  name: string;
}

/** One skill of the generative-AI skills graph, as authored in content/skills. */
export interface Skill {
  id: string;
  name: string;
  category: string;
  aliases: string[];
  description: string;
  /** What a person can do at each level: aware → can use → can build → can lead. */
  levels: [string, string, string, string];
  /** Cumulative hours of learning to reach each level. */
  hours: [number, number, number, number];
  prerequisites: string[];
  onet?: { examples: string[]; commodityCodes: number[] } | undefined;
  esco?: string[] | undefined;
}

export interface SkillGraph {
  categories: SkillCategory[];
  skills: Skill[];
}

/** The key two surfaces share when a reader would call them the same: "Node.js" = "nodejs" = "node js". */
export function surfaceKey(surface: string): string {
  return wordTokens(surface).join('');
}

/** Everything wrong with a graph, as sentences; empty when it is sound. */
export function checkSkillGraph(graph: SkillGraph): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const categories = new Set(graph.categories.map((c) => c.id));
  for (const skill of graph.skills) {
    if (ids.has(skill.id)) problems.push(`skill id "${skill.id}" is used twice`);
    ids.add(skill.id);
    if (!categories.has(skill.category)) problems.push(`${skill.id}: unknown category "${skill.category}"`);
    skill.hours.forEach((hours, i) => {
      if (i > 0 && hours <= skill.hours[i - 1]!)
        problems.push(`${skill.id}: hours must grow with level (${skill.hours.join(', ')})`);
    });
  }
  for (const skill of graph.skills) {
    for (const prerequisite of skill.prerequisites) {
      if (!ids.has(prerequisite)) problems.push(`${skill.id}: prerequisite "${prerequisite}" does not exist`);
      if (prerequisite === skill.id) problems.push(`${skill.id}: is its own prerequisite`);
    }
  }
  const cycle = findPrerequisiteCycle(graph);
  if (cycle) problems.push(`prerequisite cycle: ${cycle.join(' → ')}`);
  const owners = new Map<string, string>();
  for (const skill of graph.skills) {
    for (const surface of [skill.name, ...skill.aliases]) {
      const key = surfaceKey(surface);
      const owner = owners.get(key);
      if (owner && owner !== skill.id) problems.push(`"${surface}" names both ${owner} and ${skill.id}`);
      owners.set(key, skill.id);
    }
  }
  return problems;
}

/** A prerequisite cycle as a path of ids (first = last), or undefined. */
export function findPrerequisiteCycle(graph: SkillGraph): string[] | undefined {
  const byId = new Map(graph.skills.map((skill) => [skill.id, skill]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const next of byId.get(id)?.prerequisites ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const skill of graph.skills) {
    const cycle = visit(skill.id);
    if (cycle) return cycle;
  }
  return undefined;
}

export interface PrerequisiteNode {
  id: string;
  name: string;
  prerequisites: PrerequisiteNode[];
}

/** The prerequisites of a skill as a tree (shared prerequisites appear under each skill that needs them). */
export function prerequisiteTree(graph: SkillGraph, id: string): PrerequisiteNode | undefined {
  const byId = new Map(graph.skills.map((skill) => [skill.id, skill]));
  const build = (skillId: string): PrerequisiteNode => {
    const skill = byId.get(skillId)!;
    return { id: skill.id, name: skill.name, prerequisites: skill.prerequisites.map(build) };
  };
  return byId.has(id) ? build(id) : undefined;
}

/** A public learning resource from the catalogue in content/planning/resources.yaml. */
export interface LearningResource {
  id: string;
  title: string;
  provider: string;
  url: string;
  /** USD; 0 means free to learn (certificates aside). */
  cost: number;
  hours: number;
  /** The skill level (1 aware … 4 can lead) a learner reaches with it. */
  level: number;
  format: 'course' | 'video' | 'article' | 'book' | 'docs' | 'interactive';
  skills: string[];
}

export interface PlanPreferences {
  freeOnly: boolean;
  /** Allowed formats; empty or absent means any. */
  formats?: LearningResource['format'][] | undefined;
}

const bySkillCache = new WeakMap<readonly LearningResource[], ReadonlyMap<string, readonly LearningResource[]>>();

/**
 * The catalogue's resources per skill, built once per catalogue (read once, never changed): a plan
 * chooses a resource for every step, and filtering the whole catalogue each time was wasted work.
 */
function resourcesBySkill(resources: readonly LearningResource[]): ReadonlyMap<string, readonly LearningResource[]> {
  let index = bySkillCache.get(resources);
  if (!index) {
    const map = new Map<string, LearningResource[]>();
    for (const resource of resources)
      for (const skill of resource.skills) {
        const list = map.get(skill);
        if (list) {
          if (!list.includes(resource)) list.push(resource);
        } else map.set(skill, [resource]);
      }
    bySkillCache.set(resources, (index = map));
  }
  return index;
}

/** Orders resources for a level: those reaching it first, then the closest level, then the shortest, then by id. */
function better(a: LearningResource, b: LearningResource, level: number): boolean {
  const reachesA = a.level >= level ? 0 : 1;
  const reachesB = b.level >= level ? 0 : 1;
  if (reachesA !== reachesB) return reachesA < reachesB;
  const distanceA = Math.abs(a.level - level);
  const distanceB = Math.abs(b.level - level);
  if (distanceA !== distanceB) return distanceA < distanceB;
  if (a.hours !== b.hours) return a.hours < b.hours;
  return a.id.localeCompare(b.id) < 0;
}

/**
 * The best resource for reaching a level of a skill: one that covers the skill at that level or
 * above (closest first, then shortest), within the preferences when any fits. `relaxed` says a
 * preference had to be set aside because nothing else covers the skill.
 */
export function chooseResource(
  resources: readonly LearningResource[],
  skillId: string,
  level: number,
  preferences: PlanPreferences,
): { resource: LearningResource; relaxed: boolean } | undefined {
  let preferred: LearningResource | undefined;
  let any: LearningResource | undefined;
  for (const r of resourcesBySkill(resources).get(skillId) ?? []) {
    if (!any || better(r, any, level)) any = r;
    const allowed =
      (!preferences.freeOnly || r.cost === 0) &&
      (!preferences.formats?.length || preferences.formats.includes(r.format));
    if (allowed && (!preferred || better(r, preferred, level))) preferred = r;
  }
  if (preferred) return { resource: preferred, relaxed: false };
  return any && { resource: any, relaxed: true };
}

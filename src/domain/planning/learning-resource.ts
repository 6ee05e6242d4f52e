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
  /** Occupation families an AI-in-your-field resource is written for; absent when it serves every field. */
  families?: string[] | undefined;
}

/** What a plan already chose, so that a resource is used at most twice and never for two unrelated skills. */
export interface ResourceChoices {
  /** The worker's occupation family: its resources come first, other fields' never (while anything else fits). */
  family?: string | undefined;
  /** Resource id → the skills it was chosen for in this plan. */
  used: Map<string, string[]>;
  /** Whether two skills are related (same category or one a prerequisite of the other). */
  related: (a: string, b: string) => boolean;
}

/** A resource may serve a plan at most this many times. */
export const MAX_USES_PER_PLAN = 2;

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
  choices?: ResourceChoices,
): { resource: LearningResource; relaxed: boolean } | undefined {
  const ownField = (r: LearningResource): boolean => !!choices?.family && !!r.families?.includes(choices.family);
  const fieldFits = (r: LearningResource): boolean => !choices || !r.families || ownField(r);
  const usageFits = (r: LearningResource): boolean => {
    const usedFor = choices?.used.get(r.id) ?? [];
    return usedFor.length < MAX_USES_PER_PLAN && usedFor.every((other) => choices!.related(other, skillId));
  };
  const preferenceFits = (r: LearningResource): boolean =>
    (!preferences.freeOnly || r.cost === 0) && (!preferences.formats?.length || preferences.formats.includes(r.format));
  // Best first: everything fits; then the preferences are set aside; then another field's resource;
  // then one already used up.
  const tier = (r: LearningResource): number => (!usageFits(r) ? 3 : !fieldFits(r) ? 2 : !preferenceFits(r) ? 1 : 0);
  let best: { resource: LearningResource; tier: number } | undefined;
  for (const r of resourcesBySkill(resources).get(skillId) ?? []) {
    const t = tier(r);
    const beats =
      !best ||
      t < best.tier ||
      (t === best.tier && (ownField(r) !== ownField(best.resource) ? ownField(r) : better(r, best.resource, level)));
    if (beats) best = { resource: r, tier: t };
  }
  if (!best) return undefined;
  choices?.used.set(best.resource.id, [...(choices.used.get(best.resource.id) ?? []), skillId]);
  // "Relaxed" tells the person their own preferences (free only, formats) were set aside; the other
  // fallbacks (another field's resource, one used twice) only happen when nothing else teaches the skill.
  return { resource: best.resource, relaxed: !preferenceFits(best.resource) };
}

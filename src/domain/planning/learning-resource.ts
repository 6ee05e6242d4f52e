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
  const covering = resources.filter((r) => r.skills.includes(skillId));
  const allowed = covering.filter(
    (r) =>
      (!preferences.freeOnly || r.cost === 0) &&
      (!preferences.formats?.length || preferences.formats.includes(r.format)),
  );
  const rank = (r: LearningResource): number[] => [r.level >= level ? 0 : 1, Math.abs(r.level - level), r.hours];
  const best = (list: LearningResource[]): LearningResource | undefined =>
    [...list].sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]! || a.id.localeCompare(b.id);
    })[0];
  const preferred = best(allowed);
  if (preferred) return { resource: preferred, relaxed: false };
  const any = best(covering);
  return any && { resource: any, relaxed: true };
}

import { shareOf, type Share } from './share-interval.js';

export interface AskedSkill {
  skillId: string;
  label: string;
  kind: string;
  count: number;
}

export interface UnlistedDemand extends Share {
  skillId: string;
  label: string;
  kind: string;
}

/** Lower-cased, punctuation folded: how a posting's label is compared with O*NET's names. */
export function foldLabel(label: string): string {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

/**
 * What an occupation's postings ask for that its O*NET profile does not mention: skills above a
 * share floor whose id and folded label are both absent from the profile; most asked first.
 */
export function demandNotInProfile(
  asked: readonly AskedSkill[],
  total: number,
  profile: { ids: ReadonlySet<string>; labels: readonly string[] },
  options: { minCount: number; minShare: number; limit: number },
): UnlistedDemand[] {
  const labels = new Set(profile.labels.map(foldLabel));
  return asked
    .filter((skill) => skill.count >= options.minCount && total > 0 && skill.count / total >= options.minShare)
    .filter((skill) => !profile.ids.has(skill.skillId) && !labels.has(foldLabel(skill.label)))
    .map((skill) => ({ skillId: skill.skillId, label: skill.label, kind: skill.kind, ...shareOf(skill.count, total) }))
    .sort((a, b) => b.count - a.count || a.skillId.localeCompare(b.skillId))
    .slice(0, options.limit);
}

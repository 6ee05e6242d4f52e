import type { InsightLink } from './insight-record.js';

/** A mention the extraction engine found (the fields linking needs). */
export interface FoundSkill {
  skillId: string;
  label: string;
  negated: boolean;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `name` appears in `text` as whole words, case-insensitive, singular or plural. */
function names(text: string, name: string): boolean {
  const stem = name.trim().replace(/s$/i, '');
  if (stem.length < 4) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escape(stem)}(s|es)?($|[^\\p{L}\\p{N}])`, 'iu').test(text);
}

/**
 * Links an insight to the skills the extractor found in it (claimed, not negated), the occupations
 * whose O*NET title it names, and the target roles it names; each once, in the order found.
 */
export function linkInsight(
  text: string,
  found: readonly FoundSkill[],
  occupations: readonly { code: string; title: string }[],
  roles: readonly { id: string; name: string }[],
): InsightLink[] {
  const links: InsightLink[] = [];
  const seen = new Set<string>();
  const add = (link: InsightLink) => {
    const key = `${link.kind} ${link.ref}`;
    if (seen.has(key)) return;
    seen.add(key);
    links.push(link);
  };
  for (const mention of found) if (!mention.negated) add({ kind: 'skill', ref: mention.skillId, label: mention.label });
  for (const occupation of occupations)
    if (names(text, occupation.title)) add({ kind: 'occupation', ref: occupation.code, label: occupation.title });
  for (const role of roles) if (names(text, role.name)) add({ kind: 'role', ref: role.id, label: role.name });
  return links;
}

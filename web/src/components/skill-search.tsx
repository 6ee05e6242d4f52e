import { useState } from 'react';
import type { Skill } from '../api/types';
import { Combobox } from './combobox';

/** Finds skills of the graph by name, alias or category, leaving out those in `exclude`. */
export function searchSkills(
  skills: readonly Skill[],
  query: string,
  exclude: ReadonlySet<string> = new Set(),
  limit = 8,
): Skill[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const rank = (s: Skill): number => {
    const name = s.name.toLowerCase();
    if (name.startsWith(q)) return 0;
    if (name.includes(q)) return 1;
    if (s.aliases.some((a) => a.toLowerCase().includes(q))) return 2;
    if (s.categoryName.toLowerCase().includes(q)) return 3;
    return 9;
  };
  return skills
    .filter((s) => !exclude.has(s.id))
    .map((s) => [rank(s), s] as const)
    .filter(([r]) => r < 9)
    .sort((a, b) => a[0] - b[0] || a[1].name.localeCompare(b[1].name))
    .slice(0, limit)
    .map(([, s]) => s);
}

export function SkillSearch({
  skills,
  label,
  exclude,
  onSelect,
  keepText = false,
}: {
  skills: readonly Skill[];
  label: string;
  exclude?: ReadonlySet<string>;
  onSelect: (skill: Skill) => void;
  keepText?: boolean;
}) {
  const [query, setQuery] = useState('');
  const options = searchSkills(skills, query, exclude);
  return (
    <Combobox
      label={label}
      value={query}
      onValueChange={setQuery}
      options={options}
      optionKey={(s) => s.id}
      onSelect={(skill) => {
        setQuery(keepText ? skill.name : '');
        onSelect(skill);
      }}
      placeholder="e.g. prompt, Python, RAG, evaluation"
      status={query.trim() && options.length === 0 ? `No skill matches “${query.trim()}”.` : undefined}
      renderOption={(s) => (
        <span className="suggestion">
          <span>{s.name}</span>
          <span className="muted small">{s.categoryName}</span>
        </span>
      )}
    />
  );
}

import type { SkillGraph } from './skill-graph.js';

export type VocabularySource = 'graph' | 'onet-technology' | 'onet-tool' | 'onet-element' | 'esco';

/** One surface form that names a skill, and the skill it links to. */
export interface VocabularyEntry {
  surface: string;
  skillId: string;
  /** Human name of what it links to (the skill, tool or element name). */
  label: string;
  source: VocabularySource;
}

export interface VocabularyInputs {
  graph: SkillGraph;
  technology?: readonly { example: string; commodityCode: number; commodityTitle: string }[];
  tools?: readonly { example: string; commodityCode: number; commodityTitle: string }[];
  /** O*NET Content Model skill and knowledge elements (2.A, 2.B, 2.C). */
  elements?: readonly { elementId: string; name: string }[];
  esco?: readonly { label: string; synonyms: readonly string[]; uri: string | null }[];
}

const slug = (text: string): string => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Every surface the extractor knows, graph first: when two sources share a surface, the earlier
 * one wins, so "Python" links to the graph's skill rather than to O*NET's software example.
 */
export function buildVocabulary(inputs: VocabularyInputs): VocabularyEntry[] {
  const entries: VocabularyEntry[] = [];
  const graphByExample = new Map<string, string>();
  for (const skill of inputs.graph.skills) {
    for (const surface of [skill.name, ...skill.aliases]) entries.push({ surface, skillId: skill.id, label: skill.name, source: 'graph' });
    for (const example of skill.onet?.examples ?? []) graphByExample.set(example, skill.id);
  }
  const graphNames = new Map(inputs.graph.skills.map((skill) => [skill.id, skill.name]));
  const addOnet = (rows: VocabularyInputs['technology'], source: 'onet-technology' | 'onet-tool'): void => {
    const commodities = new Map<number, string>();
    for (const row of rows ?? []) {
      const linked = graphByExample.get(row.example);
      entries.push(
        linked
          ? { surface: row.example, skillId: linked, label: graphNames.get(linked)!, source: 'graph' }
          : { surface: row.example, skillId: `onet:${slug(row.example)}`, label: row.example, source },
      );
      commodities.set(row.commodityCode, row.commodityTitle);
    }
    for (const [code, title] of commodities) entries.push({ surface: title, skillId: `onet-commodity:${code}`, label: title, source });
  };
  addOnet(inputs.technology, 'onet-technology');
  addOnet(inputs.tools, 'onet-tool');
  for (const element of inputs.elements ?? []) entries.push({ surface: element.name, skillId: `onet-element:${element.elementId}`, label: element.name, source: 'onet-element' });
  for (const skill of inputs.esco ?? []) {
    const skillId = skill.uri ? `esco:${skill.uri.split('/').pop()}` : `esco:${slug(skill.label)}`;
    for (const surface of [skill.label, ...skill.synonyms]) entries.push({ surface, skillId, label: skill.label, source: 'esco' });
  }
  return entries;
}

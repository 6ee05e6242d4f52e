import type { SkillGraph } from './skill-graph.js';

export type VocabularySource = 'graph' | 'onet-technology' | 'onet-tool' | 'onet-element' | 'esco';

/** One surface form that names a skill, and the skill it links to. */
export interface VocabularyEntry {
  surface: string;
  skillId: string;
  /** Human name of what it links to (the skill, tool or element name). */
  label: string;
  source: VocabularySource;
  /** A common word that names a skill only next to a cue ("Analyze", "Forklifts"). */
  needsCue?: boolean;
}

export interface VocabularyInputs {
  graph: SkillGraph;
  technology?: readonly { example: string; commodityCode: number; commodityTitle: string }[];
  tools?: readonly { example: string; commodityCode: number; commodityTitle: string }[];
  /** O*NET Content Model skill and knowledge elements (2.A, 2.B, 2.C). */
  elements?: readonly { elementId: string; name: string }[];
  esco?: readonly { label: string; synonyms: readonly string[]; uri: string | null }[];
  /** Words ordinary prose writes in lower case (from O*NET's task statements): not product names. */
  commonWords?: ReadonlySet<string>;
}

/** Words written in lower case somewhere in the texts: ordinary vocabulary, as opposed to names. */
export function commonWordsOf(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const word of text.match(/\b[a-z]+\b/g) ?? []) words.add(word);
  return words;
}

// O*NET writes products with their vendor ("Intuit QuickBooks", "The MathWorks MATLAB"); people don't.
const VENDOR_PREFIX = new RegExp(
  '^(The MathWorks|Adobe Systems|Intuit|Autodesk|Atlassian|Oracle|IBM|SAP|Apple|Corel|' +
    'Bentley Systems|Dassault Systemes|Esri|Salesforce|Apache|Epic Systems|Cisco Systems|' +
    'Red Hat|VMware|Hewlett Packard|Google|Microsoft|Amazon|Adobe) ',
);
// What is left after the vendor must be a product name, not an ordinary word ("Google Analytics" ≠ "analytics").
const GENERIC_REMAINDER = new RegExp(
  '^(analytics|project|office|teams|word|access|cloud|sheets|docs|drive|search|maps|' +
    'software|systems?|data|server|database|visio|publisher|outlook|dynamics|excel|powerpoint|' +
    'forms|calendar|meet|chat|mail|notes|photos|pages|numbers|keynote|store|web services)' +
    '$',
  'i',
);

// Names in common use that O*NET's examples lack: Google Analytics 4 is written "GA4".
const EXTRA_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'Google Analytics': ['GA4', 'Google Analytics 4'],
};

/**
 * The short names people write for an O*NET example: without the vendor, without a trailing
 * "software", and an acronym apart from its expansion ("Structured query language SQL" → "SQL").
 */
export function onetExampleAliases(example: string): string[] {
  const aliases = new Set<string>();
  let name = example.replace(/ software$/i, '');
  if (name !== example && name.length >= 2) aliases.add(name);
  const acronym = /^(.+) ([A-Z][A-Z0-9+#.]{1,9})$/.exec(name);
  if (acronym) {
    const words = acronym[1]!.split(/[\s-]+/).filter((word) => !/^(of|and|for|the|to|in)$/i.test(word));
    if (words.length >= 2 && isAbbreviation(acronym[2]!, words)) {
      aliases.add(acronym[1]!);
      aliases.add(acronym[2]!);
      name = acronym[1]!;
    }
  }
  for (let vendor = VENDOR_PREFIX.exec(name); vendor; vendor = VENDOR_PREFIX.exec(name)) {
    const rest = name.slice(vendor[0].length);
    if (!/^[A-Z0-9]/.test(rest) || GENERIC_REMAINDER.test(rest)) break;
    aliases.add(rest);
    name = rest;
  }
  for (const alias of EXTRA_ALIASES[example] ?? []) aliases.add(alias);
  aliases.delete(example);
  return [...aliases];
}

/** "HTML" abbreviates "Hypertext markup language": the words' initials appear in it, in order. */
function isAbbreviation(acronym: string, words: readonly string[]): boolean {
  let at = 0;
  for (const word of words) {
    at = acronym.indexOf(word[0]!.toUpperCase(), at);
    if (at === -1) return false;
    at++;
  }
  return acronym[0] === words[0]![0]!.toUpperCase();
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Every surface the extractor knows, graph first: when two sources share a surface, the earlier
 * one wins, so "Python" links to the graph's skill rather than to O*NET's software example.
 */
export function buildVocabulary(inputs: VocabularyInputs): VocabularyEntry[] {
  const entries: VocabularyEntry[] = [];
  const graphByExample = new Map<string, string>();
  for (const skill of inputs.graph.skills) {
    for (const surface of [skill.name, ...skill.aliases])
      entries.push({ surface, skillId: skill.id, label: skill.name, source: 'graph' });
    for (const example of skill.onet?.examples ?? []) graphByExample.set(example, skill.id);
  }
  const graphNames = new Map(inputs.graph.skills.map((skill) => [skill.id, skill.name]));
  const common = inputs.commonWords ?? new Set<string>();
  // A short name is kept only if some word of it is not ordinary prose ("Salesforce", not "Tax").
  const isName = (surface: string): boolean =>
    surface.split(/[\s-]+/).some((word) => /[A-Z].*[A-Z]|\d/.test(word) || !common.has(word.toLowerCase()));
  const addOnet = (rows: VocabularyInputs['technology'], source: 'onet-technology' | 'onet-tool'): void => {
    const commodities = new Map<number, string>();
    for (const row of rows ?? []) {
      const linked = graphByExample.get(row.example);
      for (const surface of [row.example, ...onetExampleAliases(row.example).filter(isName)]) {
        const needsCue = !/\s/.test(surface.trim()) && common.has(surface.toLowerCase());
        entries.push(
          linked
            ? { surface, skillId: linked, label: graphNames.get(linked)!, source: 'graph' }
            : {
                surface,
                skillId: `onet:${slug(row.example)}`,
                label: row.example,
                source,
                ...(needsCue ? { needsCue } : {}),
              },
        );
      }
      commodities.set(row.commodityCode, row.commodityTitle);
    }
    for (const [code, title] of commodities) {
      const needsCue = !/\s/.test(title.trim()) && common.has(title.toLowerCase());
      entries.push({
        surface: title,
        skillId: `onet-commodity:${code}`,
        label: title,
        source,
        ...(needsCue ? { needsCue } : {}),
      });
    }
  };
  addOnet(inputs.technology, 'onet-technology');
  addOnet(inputs.tools, 'onet-tool');
  for (const element of inputs.elements ?? [])
    entries.push({
      surface: element.name,
      skillId: `onet-element:${element.elementId}`,
      label: element.name,
      source: 'onet-element',
    });
  for (const skill of inputs.esco ?? []) {
    const skillId = skill.uri ? `esco:${skill.uri.split('/').pop()}` : `esco:${slug(skill.label)}`;
    for (const surface of [skill.label, ...skill.synonyms])
      entries.push({ surface, skillId, label: skill.label, source: 'esco' });
  }
  return entries;
}

import { singularToken } from './phrase-automaton.js';
import { tokenStrings } from './token-scanner.js';
import type { SkillGraph } from './skill-graph.js';

export type VocabularySource = 'graph' | 'lexicon' | 'onet-technology' | 'onet-tool' | 'onet-element' | 'esco';

/** What a mention names, whichever vocabulary found it. */
export type MentionKind = 'ai-skill' | 'skill' | 'knowledge' | 'tool' | 'language' | 'certification';

/** The ESCO skill a surface stands for: its preferred label, and its URI when the export has one. */
export interface EscoLink {
  label: string;
  uri: string | null;
}

/** One surface form that names a skill, and the skill it links to. */
export interface VocabularyEntry {
  surface: string;
  skillId: string;
  /** Human name of what it links to (the skill, tool or element name). */
  label: string;
  source: VocabularySource;
  kind: MentionKind;
  /** Set when ESCO is loaded and knows this surface or its label. */
  esco?: EscoLink;
  /** A common word that names a skill only next to a cue ("Analyze", "Forklifts"). */
  needsCue?: boolean;
}

/** A named technology, method, certification or language from the authored lexicon. */
export interface LexiconTerm {
  name: string;
  kind: LexiconKind;
  aliases: readonly string[];
  /** The ESCO preferred label it is, when ESCO has it. */
  esco?: string;
  /** An ordinary English word as well ("Spring", "Go"): counted only with evidence. */
  cue?: boolean;
}

export type LexiconKind =
  | 'programming-language'
  | 'framework'
  | 'library'
  | 'database'
  | 'cloud'
  | 'tool'
  | 'platform'
  | 'method'
  | 'certification'
  | 'language'
  | 'field';

const LEXICON_KIND: Record<LexiconKind, MentionKind> = {
  'programming-language': 'tool',
  framework: 'tool',
  library: 'tool',
  database: 'tool',
  cloud: 'tool',
  tool: 'tool',
  platform: 'tool',
  method: 'knowledge',
  field: 'knowledge',
  certification: 'certification',
  language: 'language',
};

export interface EscoSkillInput {
  label: string;
  synonyms: readonly string[];
  uri: string | null;
  /** "knowledge" or "skill/competence" in ESCO's exports. */
  skillType?: string | null;
  /** ESCO collections the skill belongs to ("language", "digital", "transversal", …). */
  collections?: readonly string[];
}

export interface VocabularyInputs {
  graph: SkillGraph;
  technology?: readonly { example: string; commodityCode: number; commodityTitle: string }[];
  tools?: readonly { example: string; commodityCode: number; commodityTitle: string }[];
  /** O*NET Content Model skill and knowledge elements (2.A, 2.B, 2.C). */
  elements?: readonly { elementId: string; name: string }[];
  esco?: readonly EscoSkillInput[];
  /** The authored lexicon of technologies, methods, certifications and languages. */
  lexicon?: readonly LexiconTerm[];
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

const MAX_ESCO_WORDS = 4;
// The verbs ESCO puts before a tool or method it names ("operate forklift", "use spreadsheets software").
const USE_VERBS = new Set(['use', 'operate', 'apply', 'utilise', 'utilize', 'employ', 'perform', 'run', 'handle']);

/** A surface as the matcher sees it: folded tokens, each reduced to its singular ("Shell scripts" → "shell script"). */
const phraseKey = (surface: string): string => tokenStrings(surface).map(singularToken).join(' ');

/** Surface (lower case) → ESCO skill: preferred labels first, so another skill's synonym never hides one. */
export function escoSurfaceIndex(esco: readonly EscoSkillInput[]): Map<string, EscoLink> {
  const index = new Map<string, EscoLink>();
  for (const skill of esco) index.set(skill.label.toLowerCase(), { label: skill.label, uri: skill.uri });
  for (const skill of esco)
    for (const synonym of skill.synonyms)
      if (!index.has(synonym.toLowerCase())) index.set(synonym.toLowerCase(), { label: skill.label, uri: skill.uri });
  return index;
}

function escoKind(skill: EscoSkillInput): MentionKind {
  if (skill.collections?.includes('language')) return 'language';
  return skill.skillType === 'knowledge' ? 'knowledge' : 'skill';
}

/**
 * Every surface the extractor knows, graph first: when two sources share a surface, the earlier
 * one wins, so "Python" links to the graph's skill rather than to O*NET's software example. Then
 * the authored lexicon, O*NET technology and tools, O*NET elements, ESCO preferred labels, and
 * last ESCO synonyms. Each entry carries its ESCO skill whichever source claimed it.
 */
export function buildVocabulary(
  inputs: VocabularyInputs,
  escoIndex: ReadonlyMap<string, EscoLink> = escoSurfaceIndex(inputs.esco ?? []),
): VocabularyEntry[] {
  const entries: VocabularyEntry[] = [];
  const escoByUri = new Map((inputs.esco ?? []).filter((s) => s.uri).map((s) => [s.uri!, s]));
  const linkOf = (...surfaces: (string | undefined)[]): EscoLink | undefined => {
    for (const surface of surfaces) {
      const link = surface && escoIndex.get(surface.toLowerCase());
      if (link) return link;
    }
    return undefined;
  };
  const push = (entry: Omit<VocabularyEntry, 'esco'>, esco: EscoLink | undefined): void => {
    entries.push(esco ? { ...entry, esco } : entry);
  };
  const common = inputs.commonWords ?? new Set<string>();
  const isCommonWord = (surface: string): boolean =>
    !/\s/.test(surface.trim()) &&
    (common.has(surface.toLowerCase()) || common.has(singularToken(surface.toLowerCase())));
  const graphByExample = new Map<string, string>();
  for (const skill of inputs.graph.skills) {
    const byUri = skill.esco?.map((uri) => escoByUri.get(uri)).find(Boolean);
    for (const surface of [skill.name, ...skill.aliases]) {
      const esco = byUri ? { label: byUri.label, uri: byUri.uri } : linkOf(surface, skill.name);
      // "in collaboration with", "statistics show": an ordinary word names the skill only with evidence.
      const cue = isCommonWord(surface) ? { needsCue: true } : {};
      push({ surface, skillId: skill.id, label: skill.name, source: 'graph', kind: 'ai-skill', ...cue }, esco);
    }
    for (const example of skill.onet?.examples ?? []) graphByExample.set(example, skill.id);
  }
  // A term the graph or O*NET already names keeps their identity; the lexicon adds spellings, type and cue rules.
  const knownIds = new Map<string, { skillId: string; label: string }>();
  for (const entry of entries)
    if (!knownIds.has(phraseKey(entry.surface))) knownIds.set(phraseKey(entry.surface), entry);
  for (const row of [...(inputs.technology ?? []), ...(inputs.tools ?? [])])
    for (const surface of [row.example, ...onetExampleAliases(row.example)])
      if (!knownIds.has(phraseKey(surface)))
        knownIds.set(phraseKey(surface), { skillId: `onet:${slug(row.example)}`, label: row.example });
  for (const term of inputs.lexicon ?? []) {
    const esco = linkOf(term.esco, term.name);
    const surfaces = [term.name, ...term.aliases];
    const known = surfaces.map((surface) => knownIds.get(phraseKey(surface))).find(Boolean);
    const termIdentity = known ?? { skillId: `lexicon:${slug(term.name)}`, label: term.name };
    for (const surface of surfaces) {
      // "shell scripts" is O*NET's own "Shell script", even though the term is Bash.
      const identity = knownIds.get(phraseKey(surface)) ?? termIdentity;
      const entry = { surface, ...identity, source: 'lexicon', kind: LEXICON_KIND[term.kind] } as const;
      push(term.cue && !/\s/.test(surface.trim()) ? { ...entry, needsCue: true } : entry, esco);
    }
  }
  const graphNames = new Map(inputs.graph.skills.map((skill) => [skill.id, skill.name]));
  // O*NET's product names include everyday words ("Scheme", "Designer", "Smart"): ESCO's labels
  // write those in lower case, so they join task statements' words as ordinary prose for O*NET.
  const ordinary = new Set(common);
  for (const skill of inputs.esco ?? [])
    for (const surface of [skill.label, ...skill.synonyms])
      for (const word of surface.match(/\b[a-z]+\b/g) ?? []) ordinary.add(word);
  const isOrdinary = (word: string): boolean => ordinary.has(word) || ordinary.has(singularToken(word));
  // A short name is kept only if some word of it is not ordinary prose ("Salesforce", not "Tax").
  const isName = (surface: string): boolean =>
    surface.split(/[\s-]+/).some((word) => /[A-Z].*[A-Z]|\d/.test(word) || !isOrdinary(word.toLowerCase()));
  const isOrdinaryWord = (surface: string): boolean => !/\s/.test(surface.trim()) && isOrdinary(surface.toLowerCase());
  const addOnet = (rows: VocabularyInputs['technology'], source: 'onet-technology' | 'onet-tool'): void => {
    const commodities = new Map<number, string>();
    for (const row of rows ?? []) {
      const linked = graphByExample.get(row.example);
      for (const surface of [row.example, ...onetExampleAliases(row.example).filter(isName)]) {
        const esco = linkOf(surface, row.example);
        push(
          linked
            ? { surface, skillId: linked, label: graphNames.get(linked)!, source: 'graph', kind: 'ai-skill' }
            : {
                surface,
                skillId: `onet:${slug(row.example)}`,
                label: row.example,
                source,
                kind: 'tool',
                ...(isOrdinaryWord(surface) ? { needsCue: true } : {}),
              },
          esco,
        );
      }
      commodities.set(row.commodityCode, row.commodityTitle);
    }
    for (const [code, title] of commodities) {
      push(
        {
          surface: title,
          skillId: `onet-commodity:${code}`,
          label: title,
          source,
          kind: 'tool',
          ...(isOrdinaryWord(title) ? { needsCue: true } : {}),
        },
        linkOf(title),
      );
    }
  };
  addOnet(inputs.technology, 'onet-technology');
  addOnet(inputs.tools, 'onet-tool');
  for (const element of inputs.elements ?? [])
    push(
      {
        surface: element.name,
        skillId: `onet-element:${element.elementId}`,
        label: element.name,
        source: 'onet-element',
        kind: element.elementId.startsWith('2.C') ? 'knowledge' : 'skill',
      },
      linkOf(element.name),
    );
  const nonEsco = new Set(entries.map((entry) => phraseKey(entry.surface)));
  const isVerbBeforeKnown = (surface: string): boolean => {
    const tokens = phraseKey(surface).split(' ');
    return tokens.length >= 2 && USE_VERBS.has(tokens[0]!) && nonEsco.has(tokens.slice(1).join(' '));
  };
  const escoId = (skill: EscoSkillInput): string =>
    skill.uri ? `esco:${skill.uri.split('/').pop()}` : `esco:${slug(skill.label)}`;
  // Preferred labels before any synonym: "project management" is that skill, not a synonym of another.
  for (const [surfacesOf, isSynonym] of [
    [(skill: EscoSkillInput) => [skill.label], false],
    [(skill: EscoSkillInput) => skill.synonyms, true],
  ] as const) {
    for (const skill of inputs.esco ?? []) {
      const esco = { label: skill.label, uri: skill.uri };
      for (const surface of surfacesOf(skill)) {
        // "financial", "current", "lead": one everyday word is never an ESCO skill by itself.
        if (!/[\s-]/.test(surface.trim()) && common.has(surface.toLowerCase())) continue;
        // "operate forklift", "use spreadsheets": a verb before a name another vocabulary has is that
        // name used; the shorter entry keeps its identity (the graph's skill, O*NET's tool).
        if (isVerbBeforeKnown(surface)) continue;
        // Names of five words or more ("differentiate between airfield incandescent and LED lighting")
        // are almost never written as they are; the linker ranks them, and the automaton stays small.
        if (surface.trim().split(/\s+/).length > MAX_ESCO_WORDS) continue;
        const entry = {
          surface,
          skillId: escoId(skill),
          label: skill.label,
          source: 'esco',
          kind: escoKind(skill),
        } as const;
        push(isOrdinaryPhrase(surface, common, isSynonym) ? { ...entry, needsCue: true } : entry, esco);
      }
    }
  }
  return entries;
}

/**
 * ESCO names skills in everyday words ("be responsible", "enjoy working"): a synonym of two words
 * that are both ordinary prose counts only next to a cue.
 */
function isOrdinaryPhrase(surface: string, common: ReadonlySet<string>, isSynonym: boolean): boolean {
  const words = surface.toLowerCase().split(/[\s-]+/);
  return isSynonym && words.length === 2 && words.every((word) => common.has(word));
}

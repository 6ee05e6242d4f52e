import type { SkillGraph } from './skill-graph.js';
import { charGrams, linkTerms, linkWords } from './link-terms.js';
import { learnParaphrases } from './skill-paraphrases.js';

/** An ESCO skill as the linker reads it: the preferred label, its URI when the export has one, synonyms. */
export interface LinkableEscoSkill {
  label: string;
  uri: string | null;
  synonyms: readonly string[];
  description?: string | null | undefined;
}

export interface SkillLinkerInputs {
  esco: readonly LinkableEscoSkill[];
  graph: SkillGraph;
}

/** One ranked skill: an ESCO skill (by preferred label and URI), a graph skill, or one that is both. */
export interface SkillLink {
  label: string;
  esco: string | null;
  skillId: string | null;
  score: number;
}

export interface LinkOptions {
  /** How many skills to return, best first. */
  top?: number;
}

/** A label of a skill as term ids, and how much it counts as evidence for that skill. */
interface LabelTerms {
  terms: Int32Array;
  weight: number;
  /** The sum of the label's word idfs: what a text saying all of it has. */
  idfMass: number;
}

/** The compiled index: built once from the skills, queried many times by `linkSkills`. */
export interface SkillLinker {
  readonly escoSkills: number;
  readonly graphSkills: number;
  readonly labels: readonly string[];
  readonly uris: readonly (string | null)[];
  readonly skillIds: readonly (string | null)[];
  readonly termIds: ReadonlyMap<string, number>;
  readonly idf: Float32Array;
  readonly postingDocs: readonly Int32Array[];
  readonly postingWeights: readonly Float32Array[];
  readonly docLabels: readonly (readonly LabelTerms[])[];
  readonly paraphrases: readonly (readonly { term: number; weight: number }[])[];
  readonly gramIds: ReadonlyMap<string, number>;
  readonly gramIdf: Float32Array;
  readonly docGrams: readonly Int32Array[];
  readonly docGramWeights: readonly Float32Array[];
  /** Scratch space one query at a time (the linker is used from one thread). */
  readonly scratch: { scores: Float32Array; queryTerms: Float32Array; queryGrams: Float32Array };
}

// How each field of a skill counts as text about it: its name most, its other names, then prose.
const PREFERRED_TF = 3;
const SYNONYM_TF = 1;
const DESCRIPTION_TF = 0.3;
const BM25_K1 = 1.2;
const BM25_B = 0.75;
// A preferred label is the skill; a synonym other skills share is weaker evidence for each of them.
const PREFERRED_LABEL_WEIGHT = 1;
const SYNONYM_WEIGHT = 0.9;
const SHARED_SYNONYM_WEIGHT = 0.75;
// A stand-in word learned from the labels counts this much of the word the text has.
const PARAPHRASE_WEIGHT = 0.5;
const CANDIDATES = 120;
// Stand-ins are only tried for words rarer than this idf: common ones would touch most skills for little.
const MIN_PARAPHRASE_IDF = 2;
// Blend of the three similarities (tuned on the development queries of docs/skill-linking.md).
const BLEND = { cover: 0.45, words: 0.35, grams: 0.2 };
// A preferred label written out word for word in the text: the skill itself, ahead of skills that
// merely list those words as a synonym ("project management" is not "project commissioning").
const LITERAL_PREFERRED_BONUS = 0.1;

/** Compiles the linker from the ESCO skills and the graph (a second or two for 14k skills; done once). */
export function compileSkillLinker(inputs: SkillLinkerInputs): SkillLinker {
  const labels: string[] = [];
  const uris: (string | null)[] = [];
  const skillIds: (string | null)[] = [];
  const docTexts: { preferred: string; synonyms: string[]; description: string }[] = [];
  const byUri = new Map<string, number>();
  const byName = new Map<string, number | null>();
  const claimName = (name: string, doc: number) => {
    const key = name.toLowerCase();
    // A name two ESCO skills share says neither: it cannot tie a graph skill to one of them.
    byName.set(key, byName.has(key) && byName.get(key) !== doc ? null : doc);
  };
  for (const skill of inputs.esco) {
    const doc = labels.length;
    if (skill.uri) byUri.set(skill.uri, doc);
    labels.push(skill.label);
    uris.push(skill.uri);
    skillIds.push(null);
    docTexts.push({ preferred: skill.label, synonyms: [...skill.synonyms], description: skill.description ?? '' });
    for (const name of new Set([skill.label, ...skill.synonyms])) claimName(name, doc);
  }
  const preferredDoc = new Map(inputs.esco.map((skill, doc) => [skill.label.toLowerCase(), doc]));
  for (const skill of inputs.graph.skills) {
    // A graph skill that names its ESCO skill (by URI, else by a name only that ESCO skill has) is
    // that skill: one entry carries both identities, so "Python" answers as "Python (computer programming)".
    const linked =
      skill.esco?.map((uri) => byUri.get(uri)).find((doc) => doc !== undefined) ??
      preferredDoc.get(skill.name.toLowerCase()) ??
      [skill.name, ...skill.aliases].map((name) => byName.get(name.toLowerCase())).find((doc) => doc != null);
    if (linked != null && skillIds[linked] === null) {
      skillIds[linked] = skill.id;
      docTexts[linked]!.synonyms.push(skill.name, ...skill.aliases);
      continue;
    }
    labels.push(skill.name);
    uris.push(null);
    skillIds.push(skill.id);
    docTexts.push({ preferred: skill.name, synonyms: [...skill.aliases], description: skill.description });
  }

  const termIds = new Map<string, number>();
  const termOf = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) termIds.set(term, (id = termIds.size));
    return id;
  };
  const synonymOwners = new Map<string, number>();
  for (const doc of docTexts)
    for (const synonym of new Set(doc.synonyms.map((s) => s.toLowerCase())))
      synonymOwners.set(synonym, (synonymOwners.get(synonym) ?? 0) + 1);

  const docLabels: LabelTerms[][] = [];
  const docTf: Map<number, number>[] = [];
  const labelTermLists: string[][][] = [];
  for (const doc of docTexts) {
    const tf = new Map<number, number>();
    const bump = (terms: string[], weight: number) => {
      for (const term of new Set(terms)) tf.set(termOf(term), (tf.get(termOf(term)) ?? 0) + weight);
    };
    const preferred = linkTerms(doc.preferred);
    const seen = new Set<string>([preferred.join(' ')]);
    const labelsOfDoc: LabelTerms[] = [
      { terms: Int32Array.from(preferred.map(termOf)), weight: PREFERRED_LABEL_WEIGHT, idfMass: 0 },
    ];
    const termLists = [preferred];
    bump(preferred, PREFERRED_TF);
    for (const synonym of doc.synonyms) {
      const terms = linkTerms(synonym);
      const key = terms.join(' ');
      if (terms.length === 0 || seen.has(key)) continue;
      seen.add(key);
      termLists.push(terms);
      const shared = (synonymOwners.get(synonym.toLowerCase()) ?? 1) > 1;
      labelsOfDoc.push({
        terms: Int32Array.from(terms.map(termOf)),
        weight: shared ? SHARED_SYNONYM_WEIGHT : SYNONYM_WEIGHT,
        idfMass: 0,
      });
      bump(terms, SYNONYM_TF);
    }
    if (doc.description) bump(linkTerms(doc.description), DESCRIPTION_TF);
    docLabels.push(labelsOfDoc);
    docTf.push(tf);
    labelTermLists.push(termLists);
  }

  const docCount = docTexts.length;
  const lengths = docTf.map((tf) => [...tf.values()].reduce((sum, w) => sum + w, 0));
  const averageLength = lengths.reduce((sum, l) => sum + l, 0) / Math.max(1, docCount);
  const postings: { docs: number[]; weights: number[] }[] = Array.from({ length: termIds.size }, () => ({
    docs: [],
    weights: [],
  }));
  docTf.forEach((tf, doc) => {
    const norm = BM25_K1 * (1 - BM25_B + (BM25_B * lengths[doc]!) / averageLength);
    for (const [term, weight] of tf) {
      postings[term]!.docs.push(doc);
      postings[term]!.weights.push((weight * (BM25_K1 + 1)) / (weight + norm));
    }
  });
  const idf = Float32Array.from(postings, (p) =>
    Math.log(1 + (docCount - p.docs.length + 0.5) / (p.docs.length + 0.5)),
  );

  for (const labelsOfDoc of docLabels)
    for (const label of labelsOfDoc) label.idfMass = label.terms.reduce((sum, term) => sum + idf[term]!, 0) || 1;
  const learned = learnParaphrases(labelTermLists);
  const paraphrases = Array.from({ length: termIds.size }, () => [] as { term: number; weight: number }[]);
  for (const [term, list] of learned) {
    const id = termIds.get(term)!;
    paraphrases[id] = list.map((p) => ({ term: termIds.get(p.term)!, weight: p.weight }));
  }

  const grams = compileGrams(docTexts.map((doc) => [doc.preferred, ...doc.synonyms]));
  return {
    escoSkills: inputs.esco.length,
    graphSkills: inputs.graph.skills.length,
    labels,
    uris,
    skillIds,
    termIds,
    idf,
    postingDocs: postings.map((p) => Int32Array.from(p.docs)),
    postingWeights: postings.map((p) => Float32Array.from(p.weights)),
    docLabels,
    paraphrases,
    ...grams,
    scratch: {
      scores: new Float32Array(docCount),
      queryTerms: new Float32Array(termIds.size),
      queryGrams: new Float32Array(grams.gramIds.size),
    },
  };
}

/** TF-IDF character n-gram vectors of each skill's names (sublinear tf, unit length). */
function compileGrams(names: string[][]) {
  const gramIds = new Map<string, number>();
  const counts = names.map((list) => {
    const tf = new Map<number, number>();
    for (const name of new Set(list)) {
      for (const gram of new Set(charGrams(linkWords(name)))) {
        let id = gramIds.get(gram);
        if (id === undefined) gramIds.set(gram, (id = gramIds.size));
        tf.set(id, (tf.get(id) ?? 0) + 1);
      }
    }
    return tf;
  });
  const df = new Float32Array(gramIds.size);
  for (const tf of counts) for (const id of tf.keys()) df[id]!++;
  const gramIdf = Float32Array.from(df, (n) => Math.log((1 + names.length) / (1 + n)) + 1);
  const docGrams: Int32Array[] = [];
  const docGramWeights: Float32Array[] = [];
  for (const tf of counts) {
    const ids = [...tf.keys()].sort((a, b) => a - b);
    const weights = ids.map((id) => (1 + Math.log(tf.get(id)!)) * gramIdf[id]!);
    const norm = Math.hypot(...weights) || 1;
    docGrams.push(Int32Array.from(ids));
    docGramWeights.push(Float32Array.from(weights, (w) => w / norm));
  }
  return { gramIds, gramIdf, docGrams, docGramWeights };
}

/**
 * The `top` skills most likely meant by a sentence or text, best first, scored 0–1: literal names
 * (all words of a label present, preferred labels first), words in common (BM25, widened by the
 * stand-in words learned from the labels), and character n-grams (spelling variants, compounds).
 */
export function linkSkills(linker: SkillLinker, text: string, options: LinkOptions = {}): SkillLink[] {
  const { top = 5 } = options;
  const { scores, queryTerms, queryGrams } = linker.scratch;
  const sequence = linkTerms(text).map((term) => linker.termIds.get(term) ?? -1);
  const original = new Set(sequence.filter((id) => id >= 0));
  const weighted = new Map<number, number>();
  for (const id of original) weighted.set(id, 1);
  for (const id of original)
    for (const p of linker.paraphrases[id]!)
      if (!original.has(p.term) && linker.idf[p.term]! >= MIN_PARAPHRASE_IDF)
        weighted.set(p.term, Math.max(weighted.get(p.term) ?? 0, PARAPHRASE_WEIGHT * p.weight));
  if (weighted.size === 0) return [];

  const touched: number[] = [];
  let queryMass = 0;
  for (const [id, weight] of weighted) {
    queryTerms[id] = weight;
    if (original.has(id)) queryMass += linker.idf[id]!;
    const docs = linker.postingDocs[id]!;
    const weights = linker.postingWeights[id]!;
    const factor = weight * linker.idf[id]!;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      if (scores[doc] === 0) touched.push(doc);
      scores[doc]! += factor * weights[i]!;
    }
  }
  const candidates = topDocs(touched, scores, CANDIDATES);
  const best = candidates.length > 0 ? scores[candidates[0]!]! : 1;

  const queryGramIds: number[] = [];
  const gramNorm = fillQueryGrams(linker, text, queryGrams, queryGramIds);
  const ranked = candidates.map((doc) => {
    const cover = labelCover(linker, doc, queryTerms, queryMass);
    const grams = gramNorm === 0 ? 0 : gramCosine(linker, doc, queryGrams) / gramNorm;
    const literal = containsRun(sequence, linker.docLabels[doc]![0]!.terms) ? LITERAL_PREFERRED_BONUS : 0;
    const score = BLEND.cover * cover + BLEND.words * (scores[doc]! / best) + BLEND.grams * grams + literal;
    return { doc, score };
  });

  for (const doc of touched) scores[doc] = 0;
  for (const id of weighted.keys()) queryTerms[id] = 0;
  for (const id of queryGramIds) queryGrams[id] = 0;

  ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return ranked.slice(0, top).map(({ doc, score }) => ({
    label: linker.labels[doc]!,
    esco: linker.uris[doc]!,
    skillId: linker.skillIds[doc]!,
    score: Math.round(score * 1000) / 1000,
  }));
}

/** The `limit` highest-scoring documents, without sorting every document a common word touched. */
function topDocs(touched: readonly number[], scores: Float32Array, limit: number): number[] {
  if (touched.length <= limit) return [...touched].sort((a, b) => scores[b]! - scores[a]! || a - b);
  let max = 0;
  for (const doc of touched) max = Math.max(max, scores[doc]!);
  // Most touched documents share one common word; a floor under the best drops them before sorting.
  let floor = max * 0.3;
  let kept = touched.filter((doc) => scores[doc]! >= floor);
  while (kept.length < limit && floor > 0) {
    floor = floor > max * 0.05 ? floor / 2 : 0;
    kept = touched.filter((doc) => scores[doc]! >= floor);
  }
  return kept.sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, limit);
}

/**
 * How completely the text says one of the skill's names: the idf-weighted share of the best label's
 * words the text has (stand-in words count at their weight), times that label's standing, a little
 * more when the label also accounts for most of the text.
 */
function labelCover(linker: SkillLinker, doc: number, queryTerms: Float32Array, queryMass: number): number {
  let best = 0;
  for (const label of linker.docLabels[doc]!) {
    if (label.weight <= best) continue;
    const terms = label.terms;
    let have = 0;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      have += linker.idf[term]! * Math.min(1, queryTerms[term]!);
    }
    if (have === 0) continue;
    const explained = queryMass > 0 ? Math.min(1, have / queryMass) : 0;
    best = Math.max(best, (have / label.idfMass) * label.weight * (0.8 + 0.2 * explained));
  }
  return best;
}

/** True when `run` occurs in `sequence` as consecutive terms. */
function containsRun(sequence: readonly number[], run: Int32Array): boolean {
  if (run.length === 0) return false;
  outer: for (let start = 0; start + run.length <= sequence.length; start++) {
    for (let i = 0; i < run.length; i++) if (sequence[start + i] !== run[i]) continue outer;
    return true;
  }
  return false;
}

/** Writes the text's n-gram TF-IDF vector into `queryGrams` (ids into `ids`) and returns its length. */
function fillQueryGrams(linker: SkillLinker, text: string, queryGrams: Float32Array, ids: number[]): number {
  const counts = new Map<string, number>();
  for (const gram of charGrams(linkWords(text))) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  let squares = 0;
  // Grams no skill has still make the text longer: they count in its length.
  const unseenIdf = Math.log(1 + linker.docGrams.length) + 1;
  for (const [gram, count] of counts) {
    const id = linker.gramIds.get(gram);
    const weight = (1 + Math.log(count)) * (id === undefined ? unseenIdf : linker.gramIdf[id]!);
    squares += weight * weight;
    if (id !== undefined) {
      queryGrams[id] = weight;
      ids.push(id);
    }
  }
  return Math.sqrt(squares);
}

function gramCosine(linker: SkillLinker, doc: number, queryGrams: Float32Array): number {
  const ids = linker.docGrams[doc]!;
  const weights = linker.docGramWeights[doc]!;
  let dot = 0;
  for (let i = 0; i < ids.length; i++) dot += weights[i]! * queryGrams[ids[i]!]!;
  return dot;
}

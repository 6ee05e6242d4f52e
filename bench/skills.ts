/**
 * Skill benchmarks, one section per exported function (`npm run bench:skills`).
 *
 * Spans: strict and loose P/R/F1 on SkillSpan's development split (bench/skills-spans.ts), beside
 * a literal ESCO dictionary baseline computed in the same run.
 *
 * Linking: RP@5 / RP@10 / MRR of `linkSkills` on the development queries of docs/skill-linking.md
 * (ESCO alternative labels held out of the index, and the hand-labelled posting sentences of
 * bench/skill-linking-queries.tsv), beside a plain TF-IDF character n-gram ranker (sentence vs
 * preferred label, computed here in the same run) and the published figures; then the speed in
 * sentences a second on one core.
 *
 *   npm run bench:skills [-- --held-out 2000]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compileSkillLinker, linkSkills, type LinkableEscoSkill } from '../src/domain/skills/skill-linker.js';
import { escoFoldersFor, readEscoRelease } from '../src/sources/esco-release.js';
import { readSkillGraph } from '../src/sources/skills-graph-reader.js';
import { seededRandom } from './held-out-titles.js';
import { spanSection } from './skills-spans.js';
import { charGrams } from '../src/domain/skills/link-terms.js';
import { wordTokens } from '../src/domain/text/normalize.js';

const SHARED = new URL('../../shared/data/', import.meta.url).pathname;
const ESCO_1_2_DIR = `${SHARED}esco-1.2.0`;
const LABEL_SPACE = `${SHARED}benchmarks-dev/esco-linking/skills_en_label.txt`;
const HAND_LABELLED = new URL('./skill-linking-queries.tsv', import.meta.url).pathname;

export interface LinkingQuery {
  text: string;
  gold: string[];
}

export interface RankingScores {
  rp5: number;
  rp10: number;
  mrr: number;
}

/** ESCO as `data load` reads it from ../shared/data: the 1.1.1 labels with the 1.2.0 collections. */
export async function readBenchEsco(): Promise<LinkableEscoSkill[]> {
  const { skills } = await readEscoRelease(escoFoldersFor(ESCO_1_2_DIR));
  return skills.map(({ label, uri, synonyms, description }) => ({ label, uri, synonyms, description }));
}

/**
 * One alternative label per sampled skill, removed from that skill before the index is built: the
 * query is the held-out name, the gold its skill. Names another skill also lists are ambiguous and skipped.
 */
export function holdOutAlternativeLabels(
  esco: readonly LinkableEscoSkill[],
  count: number,
  seed = 11,
): { index: LinkableEscoSkill[]; queries: LinkingQuery[] } {
  const owners = new Map<string, number>();
  for (const skill of esco)
    for (const name of new Set([skill.label, ...skill.synonyms].map((s) => s.toLowerCase())))
      owners.set(name, (owners.get(name) ?? 0) + 1);
  const random = seededRandom(seed);
  const order = esco.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const index = esco.map((skill) => ({ ...skill, synonyms: [...skill.synonyms] }));
  const queries: LinkingQuery[] = [];
  for (const i of order) {
    if (queries.length >= count) break;
    const skill = index[i]!;
    const candidates = skill.synonyms.filter(
      (s) => s.toLowerCase() !== skill.label.toLowerCase() && owners.get(s.toLowerCase()) === 1,
    );
    if (candidates.length === 0) continue;
    const held = candidates[Math.floor(random() * candidates.length)]!;
    skill.synonyms = skill.synonyms.filter((s) => s !== held);
    queries.push({ text: held, gold: [skill.label] });
  }
  return { index, queries };
}

/** The hand-labelled posting sentences: `sentence<TAB>label | label …`, # lines are comments. */
export function readHandLabelled(labelSpace: ReadonlySet<string>): LinkingQuery[] {
  const queries: LinkingQuery[] = [];
  readFileSync(HAND_LABELLED, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '' || line.startsWith('#')) return;
      const [text, labels] = line.split('\t');
      const gold = (labels ?? '').split('|').map((label) => label.trim());
      for (const label of gold)
        if (!labelSpace.has(label)) throw new Error(`${HAND_LABELLED}:${i + 1}: "${label}" is not an ESCO label`);
      queries.push({ text: text!.trim(), gold });
    });
  return queries;
}

/** Macro RP@5, RP@10 and MRR of a ranker's label lists against each query's gold set. */
export function scoreRankings(queries: readonly LinkingQuery[], rank: (text: string) => string[]): RankingScores {
  let rp5 = 0;
  let rp10 = 0;
  let mrr = 0;
  for (const query of queries) {
    const ranked = rank(query.text);
    const gold = new Set(query.gold);
    const hits = (k: number) => ranked.slice(0, k).filter((label) => gold.has(label)).length;
    rp5 += hits(5) / Math.min(5, gold.size);
    rp10 += hits(10) / Math.min(10, gold.size);
    const first = ranked.findIndex((label) => gold.has(label));
    mrr += first < 0 ? 0 : 1 / (first + 1);
  }
  const n = Math.max(1, queries.length);
  return { rp5: rp5 / n, rp10: rp10 / n, mrr: mrr / n };
}

/** The peer: TF-IDF over character 3–5-grams of the whole sentence vs each preferred label, cosine. */
export function tfidfCharBaseline(labels: readonly string[]): (text: string) => string[] {
  const vectorOf = (text: string, df?: Map<string, number>) => {
    const tf = new Map<string, number>();
    for (const gram of charGrams(wordTokens(text))) tf.set(gram, (tf.get(gram) ?? 0) + 1);
    if (!df) return tf;
    const weighted = new Map<string, number>();
    for (const [gram, n] of tf)
      weighted.set(gram, (1 + Math.log(n)) * (Math.log((1 + labels.length) / (1 + (df.get(gram) ?? 0))) + 1));
    const norm = Math.hypot(...weighted.values()) || 1;
    for (const [gram, w] of weighted) weighted.set(gram, w / norm);
    return weighted;
  };
  const df = new Map<string, number>();
  const raw = labels.map((label) => vectorOf(label));
  for (const tf of raw) for (const gram of tf.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
  const postings = new Map<string, { label: number; weight: number }[]>();
  labels.forEach((label, i) => {
    for (const [gram, weight] of vectorOf(label, df)) {
      const list = postings.get(gram) ?? [];
      list.push({ label: i, weight });
      postings.set(gram, list);
    }
  });
  return (text) => {
    const scores = new Map<number, number>();
    for (const [gram, weight] of vectorOf(text, df))
      for (const posting of postings.get(gram) ?? [])
        scores.set(posting.label, (scores.get(posting.label) ?? 0) + weight * posting.weight);
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 10)
      .map(([label]) => labels[label]!);
  };
}

const fmt = (n: number) => n.toFixed(3);

/** The linking section: prints its table and returns the figures. */
export async function linkingSection(options: { heldOut: number }): Promise<void> {
  const esco = await readBenchEsco();
  const labelSpace = new Set(
    readFileSync(LABEL_SPACE, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
  const graph = readSkillGraph();
  const { index, queries: heldOut } = holdOutAlternativeLabels(esco, options.heldOut);
  const hand = readHandLabelled(labelSpace);

  const started = performance.now();
  const heldOutLinker = compileSkillLinker({ esco: index, graph });
  const compileMs = performance.now() - started;
  const fullLinker = compileSkillLinker({ esco, graph });
  const labelsOf = (linker: typeof fullLinker) => (text: string) =>
    linkSkills(linker, text, { top: 10 }).map((link) => link.label);
  const baselineHeld = tfidfCharBaseline(index.map((skill) => skill.label));
  const baselineFull = tfidfCharBaseline([...labelSpace]);

  const rows: [string, string, RankingScores][] = [
    [
      `held-out alternative labels (${heldOut.length})`,
      'Upskill linker',
      scoreRankings(heldOut, labelsOf(heldOutLinker)),
    ],
    [`held-out alternative labels (${heldOut.length})`, 'TF-IDF char n-grams', scoreRankings(heldOut, baselineHeld)],
    [`hand-labelled posting sentences (${hand.length})`, 'Upskill linker', scoreRankings(hand, labelsOf(fullLinker))],
    [`hand-labelled posting sentences (${hand.length})`, 'TF-IDF char n-grams', scoreRankings(hand, baselineFull)],
  ];
  console.log('\n## Skill linking (RP@5 / RP@10 / MRR, ESCO 1.1.1 labels + 1.2.0 collections, graph skills)\n');
  console.log('| queries | ranker | RP@5 | RP@10 | MRR |\n|---|---|---|---|---|');
  for (const [set, ranker, s] of rows)
    console.log(`| ${set} | ${ranker} | ${fmt(s.rp5)} | ${fmt(s.rp10)} | ${fmt(s.mrr)} |`);
  console.log(
    '| TECH / HOUSE / TECHWOLF test (published, data README and issue 11) | TF-IDF char n-grams | 0.41 / 0.31 / 0.32 | | |',
  );
  console.log('| TECH / HOUSE / TECHWOLF test (published) | best LLM-based systems | 0.63–0.64 / 0.56 / 0.59 | | |');
  console.log('| TECH / HOUSE / TECHWOLF test (published) | literal label matching | 0.14 / 0.13 / 0.09 | | |');

  // Best of three timed rounds: the machine is shared, and the best round is the engine's own speed.
  const rate = (texts: readonly string[]) => {
    let best = 0;
    for (let round = 0; round < 3; round++) {
      const repeats = Math.max(1, Math.ceil(3000 / texts.length));
      const begun = performance.now();
      for (let r = 0; r < repeats; r++) for (const text of texts) linkSkills(fullLinker, text, { top: 10 });
      best = Math.max(best, (repeats * texts.length) / ((performance.now() - begun) / 1000));
    }
    return Math.round(best).toLocaleString('en-US');
  };
  const postings = rate(hand.map((q) => q.text));
  const names = rate(heldOut.map((q) => q.text));
  console.log(
    `\nSpeed, one core (best of 3 rounds): ${postings} posting sentences/s, ${names} held-out names/s; ` +
      `compile ${Math.round(compileMs)} ms for ${fullLinker.labels.length.toLocaleString('en-US')} skills.`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { 'held-out': { type: 'string', default: '2000' } } });
  console.log('## Skill spans: SkillSpan development split (HOUSE + TECH, Skill and Knowledge layers)\n');
  console.log((await spanSection(SHARED)).table);
  console.log(
    '\nIssue 11 measured the extractor before this work on the SkillSpan test split: strict P 0.47 / R 0.11 / ' +
      'F1 0.18, loose F1 0.26. The data README quotes no published span figures for the merged layers.\n',
  );
  await linkingSection({ heldOut: Number(values['held-out']) });
}

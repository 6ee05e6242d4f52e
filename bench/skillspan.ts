/**
 * SkillSpan span scoring (Zhang et al., NAACL 2022), as the data README in
 * ../shared/data/benchmarks-dev describes it: each sentence is one document (tokens joined by single
 * spaces); a predicted mention becomes the span of the tokens its characters overlap; gold is the
 * distinct spans of both layers (Skill and Knowledge). Strict = both boundaries equal; loose = any
 * token overlap. Micro P/R/F1 over all sentences.
 */
import { readFileSync } from 'node:fs';

export interface SpanSentence {
  tokens: string[];
  /** Distinct gold spans as [first token, last token], either layer. */
  gold: [number, number][];
  /** Character offset of each token in `tokens.join(' ')`. */
  offsets: number[];
  text: string;
}

export function readSkillSpan(file: string): SpanSentence[] {
  const sentences: SpanSentence[] = [];
  let rows: string[][] = [];
  const flush = (): void => {
    if (rows.length === 0) return;
    const tokens = rows.map((row) => row[0]!);
    const gold = new Map<string, [number, number]>();
    for (const column of [1, 2]) {
      let start = -1;
      rows.forEach((row, i) => {
        const tag = row[column] ?? 'O';
        if (tag.startsWith('B-') || (tag.startsWith('I-') && start < 0)) {
          if (start >= 0) gold.set(`${start}:${i - 1}`, [start, i - 1]);
          start = i;
        } else if (!tag.startsWith('I-') && start >= 0) {
          gold.set(`${start}:${i - 1}`, [start, i - 1]);
          start = -1;
        }
      });
      if (start >= 0) gold.set(`${start}:${rows.length - 1}`, [start, rows.length - 1]);
    }
    const offsets: number[] = [];
    let at = 0;
    for (const token of tokens) {
      offsets.push(at);
      at += token.length + 1;
    }
    sentences.push({ tokens, gold: [...gold.values()], offsets, text: tokens.join(' ') });
    rows = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') flush();
    else rows.push(line.split('\t'));
  }
  flush();
  return sentences;
}

export interface SpanScores {
  strict: { precision: number; recall: number; f1: number };
  loose: { precision: number; recall: number; f1: number };
  predicted: number;
  gold: number;
  falsePositives: string[];
  misses: string[];
}

const f1 = (precision: number, recall: number): number =>
  precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

/** Scores character ranges predicted per sentence against the gold token spans. */
export function scoreSpans(
  sentences: readonly SpanSentence[],
  predict: (text: string) => readonly { start: number; end: number }[],
): SpanScores {
  let predicted = 0;
  let gold = 0;
  let strictCorrect = 0;
  let strictFound = 0;
  let looseCorrect = 0;
  let looseFound = 0;
  const falsePositives: string[] = [];
  const misses: string[] = [];
  for (const sentence of sentences) {
    const spans = new Map<string, [number, number]>();
    for (const { start, end } of predict(sentence.text)) {
      let first = -1;
      let last = -1;
      sentence.offsets.forEach((offset, i) => {
        const tokenEnd = offset + sentence.tokens[i]!.length;
        if (offset < end && tokenEnd > start) {
          if (first < 0) first = i;
          last = i;
        }
      });
      if (first >= 0) spans.set(`${first}:${last}`, [first, last]);
    }
    const goldKeys = new Set(sentence.gold.map(([a, b]) => `${a}:${b}`));
    const overlaps = (a: [number, number], b: [number, number]): boolean => a[0] <= b[1] && b[0] <= a[1];
    const words = ([a, b]: [number, number]): string => sentence.tokens.slice(a, b + 1).join(' ');
    predicted += spans.size;
    gold += sentence.gold.length;
    for (const [key, span] of spans) {
      if (goldKeys.has(key)) strictCorrect++;
      else falsePositives.push(words(span));
      if (sentence.gold.some((g) => overlaps(g, span))) looseCorrect++;
    }
    for (const span of sentence.gold) {
      if (spans.has(`${span[0]}:${span[1]}`)) strictFound++;
      else misses.push(words(span));
      if ([...spans.values()].some((p) => overlaps(p, span))) looseFound++;
    }
  }
  const score = (correct: number, found: number) => {
    const precision = predicted === 0 ? 0 : correct / predicted;
    const recall = gold === 0 ? 0 : found / gold;
    return { precision, recall, f1: f1(precision, recall) };
  };
  return {
    strict: score(strictCorrect, strictFound),
    loose: score(looseCorrect, looseFound),
    predicted,
    gold,
    falsePositives,
    misses,
  };
}

export interface SpanRow {
  name: string;
  house: SpanScores;
  tech: SpanScores;
  all: SpanScores;
  sentencesPerSecond: number;
}

/** Scores one predictor on both development splits (and the two together), timing it. */
export function scoreOnSkillSpan(
  name: string,
  splits: { house: SpanSentence[]; tech: SpanSentence[] },
  predict: (text: string) => readonly { start: number; end: number }[],
): SpanRow {
  const sentences = [...splits.house, ...splits.tech];
  for (const sentence of sentences) predict(sentence.text); // warm the JIT before timing
  const started = performance.now();
  for (const sentence of sentences) predict(sentence.text);
  const seconds = (performance.now() - started) / 1000;
  return {
    name,
    house: scoreSpans(splits.house, predict),
    tech: scoreSpans(splits.tech, predict),
    all: scoreSpans(sentences, predict),
    sentencesPerSecond: sentences.length / seconds,
  };
}

/** The Markdown table of span scores: strict and loose P/R/F1 on each split and both. */
export function spanTable(rows: readonly SpanRow[]): string {
  const f = (value: number): string => value.toFixed(2);
  const cells = (s: SpanScores): string =>
    `${f(s.strict.precision)} / ${f(s.strict.recall)} / **${f(s.strict.f1)}** | ${f(s.loose.f1)}`;
  return [
    '| extractor | HOUSE strict P / R / F1 | loose F1 | TECH strict P / R / F1 | loose F1 | ' +
      'both strict P / R / F1 | loose F1 | sentences/s |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${cells(row.house)} | ${cells(row.tech)} | ${cells(row.all)} | ` +
        `${Math.round(row.sentencesPerSecond).toLocaleString('en-US')} |`,
    ),
  ].join('\n');
}

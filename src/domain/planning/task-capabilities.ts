import { wordTokens } from '../text/normalize.js';

/** How generative AI applies to a kind of task: matched on the task's verbs and, if given, its objects. */
export interface TaskCapabilityPattern {
  id: string;
  capability: string;
  verbs: string[];
  /** When present, the task must also name one of these; such patterns are tried first. */
  objects?: string[] | undefined;
  skills: string[];
  howToUse: string;
  check: string;
}

export interface TaskPatternIndex {
  readonly patterns: readonly TaskCapabilityPattern[];
  readonly verbs: readonly ReadonlySet<string>[];
  readonly objects: readonly (ReadonlySet<string> | undefined)[];
  /** Pattern indexes, object-specific patterns first, each group in authored order. */
  readonly order: readonly number[];
}

const CONNECTIVES = new Set(['and', 'or', 'and/or']);
const LEADING_VERB_SPAN = 8;

/** Singular of a plain plural, so "reports" and "report" meet. */
const singular = (word: string): string =>
  word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;

/** Compiles the authored patterns once. */
export function buildTaskPatternIndex(patterns: readonly TaskCapabilityPattern[]): TaskPatternIndex {
  const indexes = patterns.map((_, i) => i);
  return {
    patterns,
    verbs: patterns.map((p) => new Set(p.verbs)),
    objects: patterns.map((p) => (p.objects ? new Set(p.objects.map(singular)) : undefined)),
    order: [...indexes.filter((i) => patterns[i]!.objects), ...indexes.filter((i) => !patterns[i]!.objects)],
  };
}

/** The verbs a task statement opens with: "Develop and maintain …" → develop, maintain. */
export function leadingVerbs(statement: string): string[] {
  const tokens = wordTokens(statement);
  const verbs = tokens.length > 0 ? [tokens[0]!] : [];
  for (let i = 1; i < Math.min(tokens.length - 1, LEADING_VERB_SPAN); i++) {
    if (CONNECTIVES.has(tokens[i]!)) verbs.push(tokens[i + 1]!);
  }
  return verbs;
}

/** The capabilities that apply to a task statement, most specific first; empty when none does. */
export function matchTaskCapabilities(index: TaskPatternIndex, statement: string): TaskCapabilityPattern[] {
  const verbs = leadingVerbs(statement);
  const words = new Set(wordTokens(statement).map(singular));
  const matched: TaskCapabilityPattern[] = [];
  for (const i of index.order) {
    if (!verbs.some((verb) => index.verbs[i]!.has(verb))) continue;
    const objects = index.objects[i];
    if (objects && ![...words].some((word) => objects.has(word))) continue;
    matched.push(index.patterns[i]!);
  }
  return matched;
}

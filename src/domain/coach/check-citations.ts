/** Why an answer is not fully grounded. */
export interface CitationFlag {
  code: 'NO_CITATIONS' | 'UNKNOWN_CITATION';
  message: string;
}

export interface CitationCheck {
  /** The ids the answer cites that were sent, in the order first cited. */
  cited: string[];
  /** The ids it cites that were not sent (made up, or mistyped). */
  unknown: string[];
  flags: CitationFlag[];
}

// [T:123], [S:prompt-engineering@2], [R:some-resource], also several in one bracket: [T:1, S:x@2].
const BRACKET = /\[((?:[TSR]:[^\]\s,;]+)(?:\s*[,;]\s*[TSR]:[^\]\s,;]+)*)\]/g;

/** Every citation an answer makes, in order, each once. */
export function citationsIn(answer: string): string[] {
  const ids = [...answer.matchAll(BRACKET)].flatMap((match) => match[1]!.split(/\s*[,;]\s*/));
  return [...new Set(ids)];
}

/** Checks an answer's citations against the ids that were sent: none at all, or one not sent, is flagged. */
export function checkCitations(answer: string, sent: ReadonlySet<string>): CitationCheck {
  const ids = citationsIn(answer);
  const cited = ids.filter((id) => sent.has(id));
  const unknown = ids.filter((id) => !sent.has(id));
  const flags: CitationFlag[] = [];
  if (ids.length === 0)
    flags.push({
      code: 'NO_CITATIONS',
      message:
        'This answer cites none of your tasks, steps or resources: treat it as the model’s opinion, not your data.',
    });
  if (unknown.length > 0)
    flags.push({
      code: 'UNKNOWN_CITATION',
      message: `This answer cites ${unknown.join(', ')}, which Upskill did not send: that part may be made up.`,
    });
  return { cited, unknown, flags };
}

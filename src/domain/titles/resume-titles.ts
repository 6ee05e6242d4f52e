import { wordTokens } from '../text/normalize.js';

const SEPARATORS = /\s+[—–|·•-]\s+|[,;|·•\t]|\s{3,}|\(|\)/;
const MAX_WORDS = 6;

/**
 * Short pieces of a résumé's first lines that could be a job title: each line is cut at the
 * separators résumés put between title, employer and dates ("Senior Accountant, Deloitte, 2019–2023",
 * "Jane Doe — Marketing Specialist"); contact details, dates and sentences are left out. Earlier
 * pieces come first: the header and the latest job sit at the top.
 */
export function titleCandidates(text: string, maxLines = 40): string[] {
  const seen = new Set<string>();
  const candidates: string[] = [];
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .slice(0, maxLines);
  for (const line of lines) {
    for (const piece of line.split(SEPARATORS)) {
      const segment = piece.trim();
      const words = wordTokens(segment);
      if (
        words.length === 0 ||
        words.length > MAX_WORDS ||
        /[@:/]|\d{3,}|[.!?]$/.test(segment) ||
        !/[a-z]{2,}/i.test(segment)
      )
        continue;
      const key = words.join(' ');
      if (!seen.has(key)) {
        seen.add(key);
        candidates.push(segment);
      }
    }
  }
  return candidates;
}

const singular = (word: string): string =>
  word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;

/**
 * True when `segment` plainly names `title`: the title's head noun (its last word, "accountant" in
 * "Staff Accountant") is in the segment, and at least half of the segment's words are in the
 * title. It stops a name or a heading ("Jane Doe", "Skills") from passing for a job title just
 * because the resolver found something near it.
 */
export function segmentNamesTitle(segment: string, title: string): boolean {
  const words = wordTokens(segment).map(singular);
  const titleWords = new Set(wordTokens(title).map(singular));
  const head = wordTokens(title).map(singular).at(-1);
  return (
    head !== undefined &&
    words.includes(head) &&
    words.filter((word) => titleWords.has(word)).length * 2 >= words.length
  );
}

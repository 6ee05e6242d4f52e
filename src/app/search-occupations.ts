import { UpskillError } from '../domain/errors.js';
import { resolveTitle, unknownWords, type TitleMatch } from '../domain/titles/index.js';
import { segmentNamesTitle, titleCandidates } from '../domain/titles/resume-titles.js';
import type { UpskillApp } from './upskill-app.js';

export const MAX_TITLE_LENGTH = 200;
export const MAX_LIMIT = 50;

/** Checks a job title typed by a person before it reaches the resolver. */
export function validateTitleQuery(query: string): string {
  const trimmed = query.replace(/\s+/g, ' ').trim();
  if (trimmed.length === 0)
    throw new UpskillError('BAD_INPUT', 'The job title is empty.', {
      hint: 'Type the title you have, e.g. "sr mktg specialist".',
    });
  if (trimmed.length > MAX_TITLE_LENGTH)
    throw new UpskillError(
      'BAD_INPUT',
      `The job title is ${trimmed.length} characters long; at most ${MAX_TITLE_LENGTH} are accepted.`,
      { hint: 'Give just the title, not a job description.' },
    );
  return trimmed;
}

/** "No occupation matches", saying which words nothing knows when that is why. */
export async function noMatchError(app: UpskillApp, title: string): Promise<UpskillError> {
  const unknown = unknownWords(await app.titleIndex(), title);
  const words = unknown.map((word) => `"${word}"`);
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0];
  return new UpskillError(
    'NO_MATCH',
    unknown.length > 0
      ? `No occupation matches "${title}": no job title or task Upskill knows uses ${list}, or a word like ${
          unknown.length > 1 ? 'them' : 'it'
        }.`
      : `No occupation matches "${title}".`,
    { hint: 'Check the spelling, or try the plain name of the job, e.g. "nurse", "bookkeeper", "web developer".' },
  );
}

export function validateLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new UpskillError('BAD_INPUT', `limit must be a whole number from 1 to ${MAX_LIMIT}, got ${limit}.`);
  return limit;
}

/** Ranks the occupations that match a free-text job title. */
export async function searchOccupations(app: UpskillApp, query: string, limit = 5): Promise<TitleMatch[]> {
  const title = validateTitleQuery(query);
  return resolveTitle(await app.titleIndex(), title, { limit: validateLimit(limit) });
}

export interface TextOccupationMatch extends TitleMatch {
  /** The piece of the text that names the title. */
  evidence: string;
}

/**
 * Occupations a résumé names in its first lines ("Jane Doe — Marketing Specialist", "Senior
 * Accountant, Deloitte"), in the order they appear, each with the words that named it. A match
 * counts only when the resolver's title is plainly in those words, so names and headings do not.
 */
export async function suggestOccupationsFromText(
  app: UpskillApp,
  text: string,
  limit = 3,
): Promise<TextOccupationMatch[]> {
  const index = await app.titleIndex();
  const found = new Map<string, TextOccupationMatch>();
  for (const candidate of titleCandidates(text)) {
    for (const match of resolveTitle(index, candidate, { limit: 3 })) {
      if (!found.has(match.code) && segmentNamesTitle(candidate, match.matched))
        found.set(match.code, { ...match, evidence: candidate });
    }
    if (found.size >= limit) break;
  }
  return [...found.values()].slice(0, limit);
}

import { UpskillError } from '../domain/errors.js';
import { resolveTitle, type TitleMatch } from '../domain/titles/index.js';
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

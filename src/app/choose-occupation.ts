import { UpskillError } from '../domain/errors.js';
import { isClearMatch, resolveTitle, type TitleMatch } from '../domain/titles/index.js';
import { noMatchError, validateTitleQuery } from './search-occupations.js';
import type { UpskillApp } from './upskill-app.js';

const OCCUPATION_CODE = /^\d{2}-\d{4}(\.\d{2})?$/;
/** How many candidates an unclear title lists. */
export const CANDIDATES_SHOWN = 5;

export interface OccupationChoice {
  /** What the person typed: a job title or an O*NET-SOC code. */
  title?: string;
  /** The O*NET-SOC code they chose, which wins over the title. */
  occupation?: string;
  /** Take the best match even when it is not clear. */
  acceptBest?: boolean;
  /** Their résumé or industry: decides between occupations the title fits alike. */
  context?: string;
}

/**
 * The occupation a plan is for. A code is taken as given; a typed title only when its best match
 * is clear (isClearMatch) or the person said to take it, since planning for an occupation they did
 * not mean ("uber driver" → truck drivers) wastes their time. Otherwise the error lists the candidates.
 */
export async function chooseOccupation(app: UpskillApp, choice: OccupationChoice): Promise<string> {
  if (choice.occupation !== undefined) {
    const code = choice.occupation.trim();
    if (!OCCUPATION_CODE.test(code))
      throw new UpskillError('BAD_INPUT', `"${choice.occupation}" is not an O*NET-SOC code like 13-1161.00.`, {
        hint: 'Find the code with `upskill occupations search "<your title>"`.',
      });
    return code.length === 7 ? `${code}.00` : code;
  }
  if (choice.title === undefined)
    throw new UpskillError('BAD_INPUT', 'Give your job with a title or an occupation code.');
  const title = validateTitleQuery(choice.title);
  if (OCCUPATION_CODE.test(title)) return title;
  const index = await app.titleIndex();
  const matches = resolveTitle(index, title, {
    limit: CANDIDATES_SHOWN,
    ...(choice.context ? { context: choice.context } : {}),
  });
  if (matches.length === 0) throw await noMatchError(app, title);
  if (choice.acceptBest || isClearMatch(matches)) return matches[0]!.code;
  throw unclearTitleError(title, matches);
}

function unclearTitleError(title: string, matches: readonly TitleMatch[]): UpskillError {
  const lines = matches.map(
    (match) =>
      `  ${match.code}  ${match.score.toFixed(2)}  ${match.title}` +
      (match.matched === match.title ? '' : ` (as "${match.matched}")`),
  );
  return new UpskillError('NO_MATCH', `"${title}" could be more than one occupation:\n${lines.join('\n')}`, {
    hint: `Choose one with --occupation CODE (e.g. --occupation ${matches[0]!.code}), or take the first with --yes.`,
    details: { candidates: matches },
  });
}

import { extractSkills, type SkillExtractor } from '../skills/index.js';
import { DEFAULT_MIN_SCORE, isClearMatch, resolveTitle, type TitleIndex, type TitleMatch } from '../titles/index.js';
import { detectRemote, detectSeniority, normalisedPostingText } from './posting-facts.js';
import type { PostingDraft, PostingRecord, PostingSkill } from './posting-record.js';

/** The engines a posting is read with: built once per process or thread, used for every posting. */
export interface PostingReaders {
  extractor: SkillExtractor;
  titles: TitleIndex;
  /**
   * Titles already resolved clearly without context (lower-cased title → match), shared by the
   * postings one reader reads: a corpus repeats its titles, and a clear title needs no context.
   */
  clearTitles?: Map<string, TitleMatch>;
}

/** Clear titles kept per reader; beyond this the cache starts afresh (a bound on memory, not a policy). */
const CLEAR_TITLES_KEPT = 50_000;

/** The posting's occupation: a clear title alone decides it, otherwise the text is the context. */
function occupationOf(readers: PostingReaders, draft: PostingDraft): TitleMatch | undefined {
  const key = draft.title.toLowerCase().trim();
  const known = readers.clearTitles?.get(key);
  if (known) return known;
  const plain = resolveTitle(readers.titles, draft.title, { limit: 2 });
  if (isClearMatch(plain)) {
    if (readers.clearTitles) {
      if (readers.clearTitles.size >= CLEAR_TITLES_KEPT) readers.clearTitles.clear();
      readers.clearTitles.set(key, plain[0]!);
    }
    return plain[0];
  }
  const context = draft.description.slice(0, TITLE_CONTEXT_CHARS);
  if (!context) return plain[0];
  return resolveTitle(readers.titles, draft.title, { limit: 1, context })[0];
}

/** How much of the text is context for the title resolver: the opening says what the job is. */
const TITLE_CONTEXT_CHARS = 2000;

/**
 * The text two postings are compared on. A source without posting text (Hacker News fields) has too
 * few words to tell two posts apart, so its id is part of it: such rows are de-duplicated by id only.
 */
export function postingIdentityText(dataset: string, draft: PostingDraft): string {
  const parts = [draft.title, draft.company, draft.description];
  if (draft.description.trim() === '') parts.push(dataset, draft.externalId, draft.postedMonth, draft.listedSkills);
  return normalisedPostingText(parts);
}

/** The text skills are extracted from: title, body and the skills the source lists itself. */
const extractionText = (draft: PostingDraft): string =>
  [draft.title, draft.description, draft.listedSkills].filter((part) => part !== '').join('\n\n');

/** Reads one posting: its claimed skills (one per skill), occupation, seniority and remote mode. */
export function extractPosting(
  readers: PostingReaders,
  dataset: string,
  draft: PostingDraft,
  contentHash: string,
): PostingRecord {
  const text = extractionText(draft);
  const skills = new Map<string, PostingSkill>();
  for (const mention of extractSkills(readers.extractor, text)) {
    if (mention.negated || skills.has(mention.skillId)) continue;
    skills.set(mention.skillId, {
      skillId: mention.skillId,
      label: mention.label,
      kind: mention.kind,
      escoUri: mention.esco?.uri ?? null,
    });
  }
  const occupation = occupationOf(readers, draft);
  const known = occupation && occupation.score >= DEFAULT_MIN_SCORE ? occupation : undefined;
  return {
    dataset,
    externalId: draft.externalId,
    contentHash,
    postedMonth: draft.postedMonth,
    postedOn: draft.postedOn,
    title: draft.title,
    company: draft.company,
    location: draft.location,
    remote: detectRemote(draft.remoteField, draft.location, draft.description),
    seniority: detectSeniority(draft.seniorityField, draft.title, draft.description),
    salary: draft.salary,
    occupationCode: known?.code ?? null,
    occupationScore: known ? Math.round(known.score * 1000) / 1000 : null,
    skills: [...skills.values()],
  };
}

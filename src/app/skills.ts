import { UpskillError } from '../domain/errors.js';
import {
  extractSkills,
  prerequisiteTree,
  summarizeMentions,
  type FoundSkill,
  type PrerequisiteNode,
  type Skill,
  type SkillMention,
} from '../domain/skills/index.js';
import { readDocument, type DocumentFormat } from '../sources/documents/read-document.js';
import type { UpskillApp } from './upskill-app.js';

export interface SkillView extends Skill {
  categoryName: string;
  prerequisiteNames: { id: string; name: string }[];
  /** Skills that list this one as a prerequisite. */
  unlocks: { id: string; name: string }[];
}

/** Every skill of the graph, optionally of one category, in the graph's order. */
export function listSkills(app: UpskillApp, category?: string): SkillView[] {
  const graph = app.skillGraph();
  if (category && !graph.categories.some((c) => c.id === category)) {
    throw new UpskillError('BAD_INPUT', `Unknown category "${category}".`, {
      hint: `Categories: ${graph.categories.map((c) => c.id).join(', ')}`,
    });
  }
  return graph.skills.filter((skill) => !category || skill.category === category).map((skill) => toView(app, skill));
}

function toView(app: UpskillApp, skill: Skill): SkillView {
  const graph = app.skillGraph();
  const names = new Map(graph.skills.map((s) => [s.id, s.name]));
  return {
    ...skill,
    categoryName: graph.categories.find((c) => c.id === skill.category)!.name,
    prerequisiteNames: skill.prerequisites.map((id) => ({ id, name: names.get(id)! })),
    unlocks: graph.skills.filter((s) => s.prerequisites.includes(skill.id)).map((s) => ({ id: s.id, name: s.name })),
  };
}

function findSkill(app: UpskillApp, id: string): Skill {
  const skill = app.skillGraph().skills.find((s) => s.id === id);
  if (!skill)
    throw new UpskillError('NOT_FOUND', `There is no skill "${id}".`, {
      hint: 'List the skills with `upskill skills list`.',
    });
  return skill;
}

export function showSkill(app: UpskillApp, id: string): SkillView {
  return toView(app, findSkill(app, id));
}

export function skillGraphOf(app: UpskillApp, id: string): PrerequisiteNode {
  findSkill(app, id);
  return prerequisiteTree(app.skillGraph(), id)!;
}

export interface Extraction {
  format: DocumentFormat;
  pages?: number;
  text: string;
  mentions: SkillMention[];
  skills: FoundSkill[];
}

export const MAX_TEXT_LENGTH = 2_000_000;

/** Skills named in a text, each mention with offsets into that text. */
export async function extractFromText(
  app: UpskillApp,
  text: string,
  format: DocumentFormat = 'text',
): Promise<Extraction> {
  if (text.trim().length === 0)
    throw new UpskillError('DOCUMENT_EMPTY', 'The text is empty.', {
      hint: 'Paste the résumé or posting text, or upload the file.',
    });
  if (text.length > MAX_TEXT_LENGTH)
    throw new UpskillError(
      'DOCUMENT_TOO_LARGE',
      `The text has ${text.length.toLocaleString('en-US')} characters; at most ${MAX_TEXT_LENGTH.toLocaleString('en-US')} are accepted.`,
    );
  const mentions = extractSkills(await app.skillExtractor(), text);
  return { format, text, mentions, skills: summarizeMentions(mentions) };
}

/** Skills named in an uploaded document (PDF, DOCX, HTML, Markdown, text). */
export async function extractFromDocument(app: UpskillApp, bytes: Uint8Array, name: string): Promise<Extraction> {
  const document = await readDocument(bytes, name);
  const extraction = await extractFromText(app, document.text, document.format);
  return document.pages === undefined ? extraction : { ...extraction, pages: document.pages };
}

import { UpskillError } from '../domain/errors.js';
import { linkSkills, type SkillLink } from '../domain/skills/skill-linker.js';
import type { UpskillApp } from './upskill-app.js';

export const MAX_LINK_TEXT_LENGTH = 20_000;
export const MAX_LINKS = 50;
export const DEFAULT_LINKS = 5;

export interface Linking {
  text: string;
  links: SkillLink[];
  /** False when no ESCO skills are loaded: the links are then graph skills only. */
  escoLoaded: boolean;
  note?: string;
}

/** `top` as given, or a BAD_INPUT error saying what is allowed. */
export function validateTop(top: number): number {
  if (!Number.isInteger(top) || top < 1 || top > MAX_LINKS)
    throw new UpskillError('BAD_INPUT', `top: give a whole number from 1 to ${MAX_LINKS} (got ${top}).`);
  return top;
}

/** The text as given, or a BAD_INPUT error when it is empty or longer than a linker query should be. */
export function validateLinkText(text: unknown): string {
  if (typeof text !== 'string' || text.trim().length === 0)
    throw new UpskillError('BAD_INPUT', 'text: give the sentence or text to link to skills.', {
      hint: 'Example: upskill skills link "we code in Python"',
    });
  if (text.length > MAX_LINK_TEXT_LENGTH)
    throw new UpskillError(
      'BAD_INPUT',
      `text: ${text.length.toLocaleString('en-US')} characters; at most ${MAX_LINK_TEXT_LENGTH.toLocaleString('en-US')}.`,
      { hint: 'Link a sentence or a paragraph at a time; for a whole résumé use `skills extract`.' },
    );
  return text;
}

/** The `top` skills most likely meant by a sentence or short text, best first. */
export async function linkText(app: UpskillApp, text: string, top = DEFAULT_LINKS): Promise<Linking> {
  const linker = await app.skillLinker();
  const links = linkSkills(linker, validateLinkText(text), { top: validateTop(top) });
  const escoLoaded = linker.escoSkills > 0;
  return escoLoaded ? { text, links, escoLoaded } : { text, links, escoLoaded, note: ESCO_NOT_LOADED };
}

export const ESCO_NOT_LOADED =
  'ESCO is not loaded: only the skills of the generative-AI graph are linked. ' +
  'Run `upskill data load --esco DIR` to link to the 13,900 ESCO skills.';

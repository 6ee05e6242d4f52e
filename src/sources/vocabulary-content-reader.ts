import { join } from 'node:path';
import { z } from 'zod';
import type { LexiconTerm, SkillPhrase } from '../domain/skills/index.js';
import { PACKAGE_ROOT } from './package-root.js';
import { readYamlContent } from './yaml-content.js';

export const VOCABULARY_DIR = join(PACKAGE_ROOT, 'content', 'vocabulary');

const LexiconSchema = z.array(
  z.object({
    name: z.string().min(1),
    kind: z.enum([
      'programming-language',
      'framework',
      'library',
      'database',
      'cloud',
      'tool',
      'platform',
      'method',
      'certification',
      'language',
      'field',
    ]),
    aliases: z.array(z.string().min(1)).default([]),
    esco: z.string().min(1).optional(),
    cue: z.boolean().optional(),
  }),
);

const PhrasesSchema = z.array(
  z.object({
    pattern: z
      .string()
      .min(1)
      .refine((pattern) => !/^(…|\.\.\.)|(…|\.\.\.)$/.test(pattern.trim()), 'a pattern cannot start or end with a gap'),
    skill: z.string().min(1),
  }),
);

/** The authored lexicon of technologies, methods, certifications and languages (content/vocabulary). */
export function readLexicon(dir: string = VOCABULARY_DIR): LexiconTerm[] {
  return readYamlContent(join(dir, 'technologies.yaml'), LexiconSchema).map((term) => ({
    name: term.name,
    kind: term.kind,
    aliases: term.aliases,
    ...(term.esco ? { esco: term.esco } : {}),
    ...(term.cue ? { cue: true } : {}),
  }));
}

/** The skills people write as phrases ("team player"), each linked to an ESCO skill. */
export function readSkillPhrases(dir: string = VOCABULARY_DIR): SkillPhrase[] {
  return readYamlContent(join(dir, 'phrases.yaml'), PhrasesSchema);
}

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readYamlContent } from './yaml-content.js';
import type { SkillGraph } from '../domain/skills/skill-graph.js';
import { PACKAGE_ROOT } from './package-root.js';

export const SKILLS_DIR = join(PACKAGE_ROOT, 'content', 'skills');

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case');
const CategorySchema = z.object({ id, name: z.string().min(1) }).strict();
const SkillSchema = z
  .object({
    id,
    name: z.string().min(1),
    category: id,
    aliases: z.array(z.string().min(1)).default([]),
    description: z.string().min(40, 'must be a real paragraph'),
    levels: z.tuple([z.string().min(10), z.string().min(10), z.string().min(10), z.string().min(10)]),
    hours: z.tuple([z.number().positive(), z.number().positive(), z.number().positive(), z.number().positive()]),
    prerequisites: z.array(id).default([]),
    onet: z
      .object({ examples: z.array(z.string()).default([]), commodityCodes: z.array(z.number().int()).default([]) })
      .strict()
      .optional(),
    esco: z.array(z.url().startsWith('http://data.europa.eu/esco/skill/')).optional(),
  })
  .strict();

/** Reads and validates the skills graph authored under content/skills (categories.yaml plus one file per theme). */
export function readSkillGraph(dir: string = SKILLS_DIR): SkillGraph {
  const categoriesFile = join(dir, 'categories.yaml');
  const categories = readYamlContent(categoriesFile, z.array(CategorySchema));
  const skills = readdirSync(dir)
    .filter((file) => file.endsWith('.yaml') && file !== 'categories.yaml')
    .sort()
    .flatMap((file) => readYamlContent(join(dir, file), z.array(SkillSchema)));
  return { categories, skills: skills as SkillGraph['skills'] };
}

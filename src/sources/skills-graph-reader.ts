import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { UpskillError } from '../domain/errors.js';
import type { SkillGraph } from '../domain/skills/skill-graph.js';
import { PACKAGE_ROOT } from '../app/config.js';

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
    onet: z.object({ examples: z.array(z.string()).default([]), commodityCodes: z.array(z.number().int()).default([]) }).strict().optional(),
    esco: z.array(z.url().startsWith('http://data.europa.eu/esco/skill/')).optional(),
  })
  .strict();

function readYaml(file: string): unknown {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UpskillError('SOURCE_INVALID', `${file}: not valid YAML (${(error as Error).message})`);
  }
}

function validate<T>(file: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const [index, ...field] = issue.path;
  const entry = typeof index === 'number' && Array.isArray(value) ? (value[index] as { id?: string } | undefined)?.id : undefined;
  throw new UpskillError('SOURCE_INVALID', `${file}: ${entry ? `skill "${entry}"` : `entry ${String(index)}`}, field "${field.join('.')}": ${issue.message}`);
}

/** Reads and validates the skills graph authored under content/skills (categories.yaml plus one file per theme). */
export function readSkillGraph(dir: string = SKILLS_DIR): SkillGraph {
  const categoriesFile = join(dir, 'categories.yaml');
  const categories = validate(categoriesFile, z.array(CategorySchema), readYaml(categoriesFile));
  const skills = readdirSync(dir)
    .filter((file) => file.endsWith('.yaml') && file !== 'categories.yaml')
    .sort()
    .flatMap((file) => validate(join(dir, file), z.array(SkillSchema), readYaml(join(dir, file))));
  return { categories, skills: skills as SkillGraph['skills'] };
}

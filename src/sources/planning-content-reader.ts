import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { UpskillError } from '../domain/errors.js';
import type { LearningResource } from '../domain/planning/learning-resource.js';
import { PACKAGE_ROOT } from '../app/config.js';

export const RESOURCES_FILE = join(PACKAGE_ROOT, 'content', 'planning', 'resources.yaml');

const ResourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: z.string().min(3),
    provider: z.string().min(2),
    url: z.url({ protocol: /^https?$/ }),
    cost: z.number().min(0),
    hours: z.number().positive(),
    level: z.number().int().min(1).max(4),
    format: z.enum(['course', 'video', 'article', 'book', 'docs', 'interactive']),
    skills: z.array(z.string()).min(1),
  })
  .strict();

/** Reads the learning-resource catalogue (content/planning/resources.yaml). */
export function readResources(file: string = RESOURCES_FILE): LearningResource[] {
  const result = z.array(ResourceSchema).safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UpskillError('SOURCE_INVALID', `${file}: entry ${String(issue.path[0])}, field "${issue.path.slice(1).join('.')}": ${issue.message}`);
  }
  return result.data;
}

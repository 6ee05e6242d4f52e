import { join } from 'node:path';
import { z } from 'zod';
import { readYamlContent } from './yaml-content.js';
import type { LearningResource } from '../domain/planning/learning-resource.js';
import { PACKAGE_ROOT } from './package-root.js';

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
  return readYamlContent(file, z.array(ResourceSchema));
}

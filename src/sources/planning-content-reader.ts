import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OCCUPATION_FAMILIES, type OccupationFamily } from '../domain/planning/occupation-family.js';
import { z } from 'zod';
import { readYamlContent } from './yaml-content.js';
import type { LearningResource } from '../domain/planning/learning-resource.js';
import { PACKAGE_ROOT } from './package-root.js';

export const PLANNING_DIR = join(PACKAGE_ROOT, 'content', 'planning');
const FAMILIES = Object.keys(OCCUPATION_FAMILIES) as [OccupationFamily, ...OccupationFamily[]];

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
    /** The occupation families it is written for; absent for resources that serve every field. */
    families: z.array(z.enum(FAMILIES)).min(1).optional(),
    /**
     * How the address was confirmed (this machine cannot fetch the web): `search` — found in the
     * search tool's stored copy of the page; `provider` — the provider's stable, documented address.
     */
    confirmed: z.enum(['search', 'provider']),
  })
  .strict();

/** Reads the learning-resource catalogue: content/planning/resources.yaml and every resources-*.yaml beside it. */
export function readResources(dir: string = PLANNING_DIR): LearningResource[] {
  return readdirSync(dir)
    .filter((name) => /^resources(-[a-z0-9-]+)?\.yaml$/.test(name))
    .sort()
    .flatMap((name) => readYamlContent(join(dir, name), z.array(ResourceSchema)));
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { UpskillError } from '../domain/errors.js';
import type { AuthoredRole } from '../domain/planning/target-roles.js';
import { PACKAGE_ROOT } from '../app/config.js';

export const TARGET_ROLES_FILE = join(PACKAGE_ROOT, 'content', 'planning', 'target-roles.yaml');

const RoleSchema = z
  .object({
    id: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
    name: z.string().min(3),
    description: z.string().min(20),
    relatedOccupations: z.array(z.string().regex(/^\d{2}-\d{4}\.\d{2}$/)).min(1),
    skills: z.record(z.string(), z.number().int().min(1).max(4)),
  })
  .strict();

/** Reads the generative-AI target roles authored in content/planning. */
export function readTargetRoles(file: string = TARGET_ROLES_FILE): AuthoredRole[] {
  const result = z.array(RoleSchema).safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UpskillError('SOURCE_INVALID', `${file}: entry ${String(issue.path[0])}, field "${issue.path.slice(1).join('.')}": ${issue.message}`);
  }
  return result.data;
}

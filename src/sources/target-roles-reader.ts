import { join } from 'node:path';
import { z } from 'zod';
import { readYamlContent } from './yaml-content.js';
import type { AuthoredRole } from '../domain/planning/target-roles.js';
import { PACKAGE_ROOT } from './package-root.js';

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
  return readYamlContent(file, z.array(RoleSchema));
}

import { join } from 'node:path';
import { z } from 'zod';
import { readYamlContent } from './yaml-content.js';
import type { TaskCapabilityPattern } from '../domain/planning/task-capabilities.js';
import { PACKAGE_ROOT } from './package-root.js';

export const TASK_PATTERNS_FILE = join(PACKAGE_ROOT, 'content', 'planning', 'task-capabilities.yaml');

const word = z.string().regex(/^[a-z]+$/, 'must be one lower-case word');
const PatternSchema = z
  .object({
    id: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
    capability: z.string().min(3),
    verbs: z.array(word).min(1),
    objects: z.array(word).min(1).optional(),
    skills: z.array(z.string()).min(1),
    howToUse: z.string().min(20),
    check: z.string().min(20),
  })
  .strict();

/** Reads the task→capability patterns authored in content/planning. */
export function readTaskPatterns(file: string = TASK_PATTERNS_FILE): TaskCapabilityPattern[] {
  return readYamlContent(file, z.array(PatternSchema));
}

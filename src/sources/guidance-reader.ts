import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ActivityGuidance } from '../domain/guidance/activity-guidance.js';
import { PACKAGE_ROOT } from './package-root.js';
import { readYamlContent } from './yaml-content.js';

export const GUIDANCE_DIR = join(PACKAGE_ROOT, 'content', 'guidance');

const sentence = (min: number) => z.string().trim().min(min).max(600);
const GuidanceSchema = z
  .object({
    id: z.string().regex(/^4\.A\.\d\.[a-z]\.\d\.I\d{2}$/, 'must be an O*NET IWA ID such as 4.A.2.a.4.I09'),
    title: z.string().min(5),
    risk: z.enum(['assist', 'caution', 'human-only']),
    aiCan: sentence(30),
    recipe: z.array(sentence(15)).min(2).max(5),
    tools: z
      .array(
        z
          .object({
            category: z.string().min(3),
            examples: z.array(z.string().min(2)).min(2, 'name at least two tools, from different vendors'),
          })
          .strict(),
      )
      .min(1),
    check: sentence(30),
    staysHuman: sentence(20),
    neverPaste: sentence(30).optional(),
    skills: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)).max(4),
  })
  .strict()
  .superRefine((entry, context) => {
    if (entry.risk === 'caution' && !entry.neverPaste)
      context.addIssue({
        code: 'custom',
        path: ['neverPaste'],
        message: 'a caution activity says what never to paste',
      });
    if (entry.risk !== 'caution' && entry.neverPaste)
      context.addIssue({ code: 'custom', path: ['neverPaste'], message: 'only caution activities have neverPaste' });
    if (entry.risk === 'human-only' && entry.skills.length > 0)
      context.addIssue({ code: 'custom', path: ['skills'], message: 'a human-only activity is never practised on' });
    if (entry.risk !== 'human-only' && entry.skills.length === 0)
      context.addIssue({ code: 'custom', path: ['skills'], message: 'name the skills practised here' });
  });

/** Reads every file of content/guidance: the authored guidance for each O*NET work activity (IWA). */
export function readActivityGuidance(dir: string = GUIDANCE_DIR): ActivityGuidance[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .flatMap((name) =>
      readYamlContent(join(dir, name), z.array(GuidanceSchema)).map(({ id, ...rest }) => ({ iwa: id, ...rest })),
    );
}

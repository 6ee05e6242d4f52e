import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';
import { UpskillError } from '../domain/errors.js';

/**
 * Reads an authored YAML file of content/ and validates it; a problem names the file, the entry
 * (by its id when it has one) and the field.
 */
export function readYamlContent<T>(file: string, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UpskillError('SOURCE_INVALID', `${file}: not valid YAML (${(error as Error).message})`);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const [index, ...field] = issue.path;
  const id =
    typeof index === 'number' && Array.isArray(value) ? (value[index] as { id?: unknown } | undefined)?.id : undefined;
  const entry = typeof id === 'string' ? `entry "${id}"` : `entry ${String(index)}`;
  throw new UpskillError('SOURCE_INVALID', `${file}: ${entry}, field "${field.join('.')}": ${issue.message}`);
}

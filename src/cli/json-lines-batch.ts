import { createInterface } from 'node:readline';
import { isUpskillError, UpskillError } from '../domain/errors.js';

/**
 * Reads `{"text": "…"}` objects one per line on stdin and writes one JSON object per line on stdout,
 * in order. A line that is not such an object, or whose text the handler refuses, answers
 * `{"error": {code, message}, "line": N}` (N counts every line, blank ones too) and the batch goes on.
 */
export async function runTextBatch(answer: (text: string) => object | Promise<object>): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    let output: object;
    try {
      output = await answer(textOf(line));
    } catch (error) {
      if (!isUpskillError(error)) throw error;
      output = { error: { code: error.code, message: error.message }, line: number };
    }
    if (!process.stdout.write(`${JSON.stringify(output)}\n`))
      await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

function textOf(line: string): string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new UpskillError('BAD_JSON', 'not JSON: give one object per line, like {"text": "we code in Python"}.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UpskillError('BAD_INPUT', 'give one object per line, like {"text": "we code in Python"}.');
  const text = (value as Record<string, unknown>)['text'];
  if (typeof text !== 'string') throw new UpskillError('BAD_INPUT', 'text: a string is required.');
  return text;
}

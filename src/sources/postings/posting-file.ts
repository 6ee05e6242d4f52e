import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { UpskillError } from '../../domain/errors.js';
import { toStorableText } from '../../domain/text/normalize.js';

export const POSTING_FILE_FORMATS = ['csv', 'tsv', 'jsonl', 'json'] as const;
export type PostingFileFormat = (typeof POSTING_FILE_FORMATS)[number];

/** One record of a postings file: its fields by column name, or why it could not be read. */
export type PostingFileRow =
  | { line: number; values: Record<string, string>; error?: undefined }
  | { line: number; values?: undefined; error: string; field: string | null };

/** The format a file's name says (`.csv`, `.tsv`, `.jsonl`, `.ndjson`, `.json`, each optionally `.gz`). */
export function formatOfFile(file: string): PostingFileFormat | undefined {
  const name = basename(file).toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return 'tsv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  if (name.endsWith('.json')) return 'json';
  return undefined;
}

/**
 * The file's bytes, inflated on the way when its name ends in `.gz`; `onBytes` hears how many bytes
 * of the file itself (compressed, for .gz) have been read, for progress and ETA.
 */
export function openPostingStream(
  file: string,
  onBytes?: (bytes: number) => void,
  limits: { maxInflatedBytes?: number } = {},
): Readable {
  const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  let source: Readable = stream;
  if (onBytes) {
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        onBytes(bytes);
        done(null, chunk);
      },
    });
    stream.on('error', (error) => counter.destroy(error));
    source = stream.pipe(counter);
  }
  if (!file.toLowerCase().endsWith('.gz')) return source;
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  const inflated = source.pipe(gunzip);
  const most = limits.maxInflatedBytes;
  if (most === undefined) return inflated;
  // An upload's .gz is counted as it inflates: a small file that inflates without bound is refused.
  let total = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > most)
        done(
          new UpskillError(
            'DOCUMENT_INFLATES_TOO_LARGE',
            `${basename(file)} inflates to more than ${Math.round(most / 1048576)} MB.`,
            { hint: 'Upload the file uncompressed, or import it with the CLI (`upskill postings import`).' },
          ),
        );
      else done(null, chunk);
    },
  });
  inflated.on('error', (error) => guard.destroy(error));
  return inflated.pipe(guard);
}

const countNewlines = (value: string): number => {
  let count = 0;
  for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) count++;
  return count;
};

/** A JSON value as the text of a field: arrays of names become "a, b", nested objects stay JSON. */
function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return toStorableText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(fieldText).join(', ');
  return JSON.stringify(value);
}

function objectRow(line: number, value: unknown): PostingFileRow {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { line, error: 'not an object: each posting must be a JSON object of fields', field: null };
  const values: Record<string, string> = {};
  for (const [key, field] of Object.entries(value)) values[key] = fieldText(field);
  return { line, values };
}

/**
 * Streams the records of a postings file in order, each with the line it starts on. A record that
 * cannot be read (a CSV row with the wrong number of fields, a JSON line that is not JSON) comes
 * back as an error row and reading goes on; only a file that cannot be read at all throws.
 */
export async function* readPostingFile(
  file: string,
  format: PostingFileFormat,
  input: Readable = openPostingStream(file),
): AsyncGenerator<PostingFileRow> {
  try {
    if (format === 'csv' || format === 'tsv') yield* readDelimited(input, format === 'csv' ? ',' : '\t');
    else if (format === 'jsonl') yield* readJsonLines(input);
    else yield* readJsonArray(input);
  } catch (error) {
    if (error instanceof UpskillError) throw error;
    throw new UpskillError(
      'SOURCE_INVALID',
      `${basename(file)}: could not be read as ${format}: ${(error as Error).message}`,
      {
        hint: 'Check the file is complete and in the format given (--format csv|tsv|jsonl|json; .gz for gzip).',
        details: { file },
        cause: error,
      },
    );
  } finally {
    input.destroy();
  }
}

async function* readDelimited(input: Readable, delimiter: ',' | '\t'): AsyncGenerator<PostingFileRow> {
  // Lines are counted here rather than by csv-parse, which counts a CR inside a field as a line break.
  let records = 0;
  let newlinesInRecords = 0;
  const parser = input.pipe(
    parse({
      delimiter,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      record_delimiter: ['\r\n', '\n'],
      on_record: (record: string[], context) => {
        records++;
        const line = records + newlinesInRecords + context.empty_lines;
        for (const value of record) newlinesInRecords += countNewlines(value);
        return Object.assign(record, { line });
      },
    }),
  );
  input.on('error', (error) => parser.destroy(error));
  let header: string[] | undefined;
  for await (const record of parser as AsyncIterable<string[] & { line: number }>) {
    if (!header) {
      header = record.map((name) => name.trim());
      continue;
    }
    if (record.length !== header.length) {
      yield {
        line: record.line,
        error: `has ${record.length} fields where the header has ${header.length} (a stray quote or delimiter?)`,
        field: null,
      };
      continue;
    }
    const values: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) values[header[i]!] = toStorableText(record[i]!);
    yield { line: record.line, values };
  }
}

async function* readJsonLines(input: Readable): AsyncGenerator<PostingFileRow> {
  let line = 0;
  let rest = '';
  input.setEncoding('utf8');
  const parseLine = (text: string, at: number): PostingFileRow | undefined => {
    const trimmed = text.trim();
    if (trimmed === '') return undefined;
    try {
      return objectRow(at, JSON.parse(trimmed));
    } catch (error) {
      return { line: at, error: `not JSON: ${(error as Error).message}`, field: null };
    }
  };
  for await (const chunk of input as AsyncIterable<string>) {
    rest += chunk;
    let end: number;
    while ((end = rest.indexOf('\n')) !== -1) {
      line++;
      const row = parseLine(rest.slice(0, end), line);
      rest = rest.slice(end + 1);
      if (row) yield row;
    }
  }
  if (rest !== '') {
    const row = parseLine(rest, line + 1);
    if (row) yield row;
  }
}

/**
 * A JSON array of objects, one element at a time: the scanner tracks strings and nesting to find
 * where each top-level element ends, so a file of any size is read in flat memory.
 */
async function* readJsonArray(input: Readable): AsyncGenerator<PostingFileRow> {
  input.setEncoding('utf8');
  let line = 1;
  let started = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = '';
  let elementLine = 0;
  let ended = false;
  for await (const chunk of input as AsyncIterable<string>) {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const char = chunk[i]!;
      if (char === '\n') line++;
      if (ended) {
        if (!/\s/.test(char)) throw new Error(`unexpected text after the closing ] on line ${line}`);
        continue;
      }
      if (!started) {
        if (char === '[') {
          started = true;
          from = i + 1;
        } else if (!/\s/.test(char) && char !== '\ufeff') throw new Error('a JSON array of postings must start with [');
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (char === '\\') escaped = true;
        else if (char === '"') inString = false;
        continue;
      }
      if (char === '"') inString = true;
      else if (char === '{' || char === '[') {
        if (depth === 0) {
          elementLine = line;
          element = '';
          from = i;
        }
        depth++;
      } else if (char === '}' || char === ']') {
        if (depth === 0 && char === ']') {
          ended = true;
          continue;
        }
        depth--;
        if (depth === 0) {
          element += chunk.slice(from, i + 1);
          from = i + 1;
          try {
            yield objectRow(elementLine, JSON.parse(element));
          } catch (error) {
            yield { line: elementLine, error: `not JSON: ${(error as Error).message}`, field: null };
          }
          element = '';
        }
      } else if (depth === 0 && char !== ',' && !/\s/.test(char)) {
        yield { line, error: `not an object: each posting must be a JSON object of fields`, field: null };
        // Skip the scalar up to the next comma.
        while (i + 1 < chunk.length && chunk[i + 1] !== ',' && chunk[i + 1] !== ']') i++;
      }
    }
    if (depth > 0) element += chunk.slice(from);
  }
  if (!started) throw new Error('the file is empty: a JSON array of postings was expected');
  // A cut-off file keeps the postings before the cut: the unfinished one is a bad row, not a failed import.
  if (!ended)
    yield depth > 0
      ? { line: elementLine, error: `the file ends inside this posting (line ${line}): it is cut off`, field: null }
      : { line, error: 'the array is not closed with ]: the file is cut off', field: null };
}

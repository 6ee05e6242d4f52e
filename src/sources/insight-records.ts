import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { UpskillError } from '../domain/errors.js';
import type { InsightRecord } from '../domain/insights/index.js';

/** An insight file bigger than this is not an article: refused before it is read. */
export const MAX_INSIGHT_BYTES = 2 * 1024 * 1024;

/** A record that could not be read, named by file, line and field. */
export interface InsightProblem {
  file: string;
  line: number;
  field: string | null;
  message: string;
}

type Fields = Record<string, unknown>;

const isDate = (value: string) => !Number.isNaN(Date.parse(value));

function text(fields: Fields, key: string): string | null {
  const value = fields[key];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function rating(fields: Fields, key: string, file: string, line: (key: string) => number): number | null {
  const value = fields[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < -1 || value > 100)
    throw problem(file, line(key), key, `${key} must be a number from -1 to 100, got ${JSON.stringify(value)}`);
  return value;
}

function problem(file: string, line: number, field: string | null, message: string): UpskillError {
  const where = `${file}, line ${line}${field ? `, field ${field}` : ''}`;
  return new UpskillError('SOURCE_INVALID', `${where}: ${message}`, { details: { file, line, field } });
}

const asDateTime = (value: unknown): string | null => {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && isDate(value)) return new Date(value).toISOString();
  return null;
};

/** Reads one record: YAML front matter between `---` lines (the seeds' format), or plain text that starts with its date. */
export function parseInsightRecord(content: string, file: string): InsightRecord {
  const id = basename(file, extname(file)) || createHash('sha256').update(content).digest('hex').slice(0, 16);
  const trimmed = content.replace(/^\uFEFF/, '');
  if (trimmed.startsWith('---')) return frontMatterRecord(trimmed, file, id);
  return plainRecord(trimmed, file, id);
}

function frontMatterRecord(content: string, file: string, id: string): InsightRecord {
  const lines = content.split(/\r?\n/);
  const end = lines.indexOf('---', 1);
  if (end < 0) throw problem(file, 1, null, 'the front matter opened with --- is never closed by a --- line');
  let fields: Fields;
  try {
    const parsed: unknown = parse(lines.slice(1, end).join('\n'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw problem(file, 2, null, 'the front matter is not a set of fields');
    fields = parsed as Fields;
  } catch (error) {
    if (error instanceof YAMLParseError)
      throw problem(
        file,
        (error.linePos?.[0].line ?? 0) + 1,
        null,
        `the front matter is not YAML: ${error.message.split('\n')[0]}`,
      );
    throw error;
  }
  // Line of a top-level field (for messages): the front matter starts on line 2.
  const line = (key: string) => {
    const at = lines.findIndex((l, i) => i > 0 && i < end && l.startsWith(`${key}:`));
    return at < 0 ? 1 : at + 1;
  };
  const title = text(fields, 'title');
  if (!title) throw problem(file, line('title'), 'title', 'a record needs a title');
  const publishedAt = asDateTime(fields['publishedDateTime']);
  if (!publishedAt)
    throw problem(
      file,
      line('publishedDateTime'),
      'publishedDateTime',
      'a record needs a date-time such as 2023-07-13T19:52:00Z',
    );
  const provider = fields['provider'] as Fields | undefined;
  const body = lines
    .slice(end + 1)
    .join('\n')
    .trim();
  return {
    id,
    title,
    excerpt: text(fields, 'excerpt') ?? '',
    body: body || null,
    publishedAt,
    provider:
      provider && text(provider, 'name') ? { name: text(provider, 'name')!, domain: text(provider, 'domain') } : null,
    url: text(fields, 'webUrl') ?? text(fields, 'originalUrl'),
    quality: rating(fields, 'quality', file, line),
    heat: rating(fields, 'heat', file, line),
    topics: Array.isArray(fields['topics']) ? fields['topics'].filter((t): t is string => typeof t === 'string') : [],
    images: (Array.isArray(fields['images']) ? (fields['images'] as Fields[]) : [])
      .filter((image) => image && typeof image['url'] === 'string')
      .map((image) => ({
        url: image['url'] as string,
        width: typeof image['width'] === 'number' ? image['width'] : null,
        height: typeof image['height'] === 'number' ? image['height'] : null,
      })),
    related: (Array.isArray(fields['related']) ? (fields['related'] as Fields[]) : [])
      .filter((item) => item && text(item, 'title'))
      .map((item) => ({
        title: text(item, 'title')!,
        url: text(item, 'webUrl'),
        publishedAt: asDateTime(item['publishedDateTime']),
        provider: text((item['provider'] as Fields | undefined) ?? {}, 'name'),
      })),
    source: file,
  };
}

function plainRecord(content: string, file: string, id: string): InsightRecord {
  // " date 2023-08-10 Organizations that…" or "date: 2023-08-10" on its own line.
  const match = /^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b\s*/i.exec(content);
  if (!match || !isDate(match[1]!))
    throw problem(file, 1, 'date', 'plain text must start with its date, e.g. "date 2023-08-10"');
  const body = content.slice(match[0].length).trim();
  if (!body) throw problem(file, 1, 'text', 'the record has a date but no text');
  const firstSentence = /^(.{20,200}?[.!?])(\s|$)/s.exec(body)?.[1] ?? `${body.slice(0, 140).replace(/\s+\S*$/, '')}…`;
  const paragraph = body.split(/\n\s*\n/)[0]!;
  return {
    id,
    title: firstSentence.replace(/\s+/g, ' '),
    excerpt: paragraph.length > 400 ? `${paragraph.slice(0, 397)}…` : paragraph,
    body,
    publishedAt: new Date(`${match[1]}T00:00:00Z`).toISOString(),
    provider: null,
    url: null,
    quality: null,
    heat: null,
    topics: [],
    images: [],
    related: [],
    source: file,
  };
}

/** Reads a record file or every .txt/.md file of a folder; a bad record is reported, never stops the rest. */
export function readInsightRecords(path: string): { records: InsightRecord[]; problems: InsightProblem[] } {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((name) => /\.(txt|md|markdown)$/i.test(name))
        .sort()
        .map((name) => join(path, name))
    : [path];
  const records: InsightRecord[] = [];
  const problems: InsightProblem[] = [];
  for (const file of files) {
    try {
      if (statSync(file).size > MAX_INSIGHT_BYTES)
        throw problem(file, 1, null, `the file is over ${MAX_INSIGHT_BYTES / 1048576} MB`);
      records.push(parseInsightRecord(readFileSync(file, 'utf8'), file));
    } catch (error) {
      if (!(error instanceof UpskillError)) throw error;
      const details = (error.details ?? {}) as { line?: number; field?: string | null };
      problems.push({ file, line: details.line ?? 1, field: details.field ?? null, message: error.message });
    }
  }
  return { records, problems };
}

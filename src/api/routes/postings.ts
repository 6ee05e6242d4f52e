import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { importPostings } from '../../app/import-postings.js';
import { importPublicSamples, SAMPLE_NAMES } from '../../app/import-public-samples.js';
import type { UpskillApp } from '../../app/upskill-app.js';
import { isUpskillError, UpskillError } from '../../domain/errors.js';
import { formatOfFile, type PostingFileFormat } from '../../sources/postings/posting-file.js';
import { POSTING_LAYOUTS } from '../../sources/postings/posting-layouts.js';
import {
  findPostingImport,
  listPostingImportErrors,
  listPostingImports,
  type PostingImportRun,
} from '../../store/postings.repository.js';
import { json, problemResponse } from '../openapi-responses.js';
import { ImportErrorSchema, ImportResultSchema, ImportRunSchema, SampleImportsSchema } from '../postings-schemas.js';
import { problem } from '../problem.js';

/** What one upload may cost: bytes as sent, bytes a .gz may inflate to, and time to import it. */
export const POSTING_UPLOAD_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxInflatedBytes: 200 * 1024 * 1024,
  deadlineMs: 120_000,
} as const;

/** The one route whose body may pass the server's general limit: it sets its own (above). */
export const POSTING_UPLOAD_PATH = '/api/postings/imports';

const SAMPLE_NOTE =
  'Postings are a sample of part of the market (whoever posted where the file was taken), not all of it.';

const UploadJsonSchema = z
  .object({
    name: z.string().min(1).max(200).optional().openapi({
      description: 'the file name, whose extension says the format (postings.csv, feed.jsonl)',
      example: 'postings.csv',
    }),
    content: z
      .string()
      .max(POSTING_UPLOAD_LIMITS.maxBytes)
      .optional()
      .openapi({ description: 'the file’s text (required for JSON)' }),
    layout: z
      .enum(POSTING_LAYOUTS.map((layout) => layout.name) as [string, ...string[]])
      .optional()
      .openapi({ description: 'a built-in layout; found from the header by default' }),
    dataset: z.string().min(1).max(100).optional(),
  })
  .openapi('PostingUpload');

const UploadFileSchema = z
  .object({
    file: z
      .any()
      .optional()
      .openapi({ type: 'string', format: 'binary', description: 'the file (required for multipart)' }),
    layout: z.string().optional(),
    dataset: z.string().optional(),
  })
  .openapi('PostingUploadFile');

const upload = createRoute({
  method: 'post',
  path: POSTING_UPLOAD_PATH,
  summary: 'Import a postings file (CSV, TSV, JSON Lines, JSON array, or .gz of one): bad rows are reported, not fatal',
  middleware: [
    bodyLimit({
      maxSize: POSTING_UPLOAD_LIMITS.maxBytes + 64 * 1024,
      onError: (c) =>
        problem(
          c,
          413,
          'DOCUMENT_TOO_LARGE',
          `The upload is over the ${POSTING_UPLOAD_LIMITS.maxBytes / 1048576} MB limit.`,
          'Import a larger file with the CLI: `upskill postings import FILE` (streamed, resumable).',
        ),
    }),
  ] as const,
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: UploadJsonSchema },
        'multipart/form-data': { schema: UploadFileSchema },
      },
    },
  },
  responses: {
    200: json(ImportResultSchema, 'The finished import with its counts and first bad rows'),
    400: problemResponse('No file, an unknown format or layout, or columns no layout fits'),
    413: problemResponse('Too large, or inflates too large'),
    422: problemResponse('The file cannot be read at all, or took too long'),
  },
});

const samples = createRoute({
  method: 'post',
  path: '/api/postings/samples',
  summary: 'Import the public samples beside Upskill (Hacker News roles, LinkedIn sample, hn-hiringtrends, news seeds)',
  description:
    'The same imports as the CLI’s (about half a minute for all); a second run stores nothing new. Send `{}` for all.',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              only: z
                .array(z.enum(SAMPLE_NAMES))
                .min(1)
                .max(SAMPLE_NAMES.length)
                .optional()
                .openapi({ description: 'only these samples (all by default)' }),
            })
            .openapi({ example: { only: ['seeds'] } }),
        },
      },
    },
  },
  responses: {
    200: json(SampleImportsSchema, 'What each sample stored'),
    400: problemResponse('An unknown sample'),
    503: problemResponse('No public sample is beside this server'),
    409: problemResponse('The samples are being loaded already'),
  },
});

const list = createRoute({
  method: 'get',
  path: '/api/postings/imports',
  summary: 'The postings import runs, newest first, with their counts',
  responses: { 200: json(z.array(ImportRunSchema), 'Import runs') },
});

const errors = createRoute({
  method: 'get',
  path: '/api/postings/imports/{id}/errors',
  summary: 'The bad rows one import met: line, field and why',
  request: {
    params: z.object({
      id: z.coerce
        .number()
        .int()
        .min(1)
        .max(2 ** 31 - 1)
        .openapi({ example: 1 }),
    }),
    query: z.object({ limit: z.coerce.number().int().min(1).max(10_000).default(1000) }),
  },
  responses: {
    200: json(z.array(ImportErrorSchema), 'Bad rows in file order'),
    400: problemResponse('Malformed id or limit'),
    404: problemResponse('No such import'),
  },
});

/** An uploaded file as sent: its name (which says the format) and its bytes. */
async function uploadOf(
  c: Context,
  body: z.infer<typeof UploadJsonSchema>,
): Promise<{ name: string; bytes: Uint8Array; layout?: string; dataset?: string }> {
  if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form['file'];
    if (!(file instanceof File))
      throw new UpskillError('BAD_INPUT', 'file: attach the postings file as the form field "file".');
    const text = (key: string): string | undefined =>
      typeof form[key] === 'string' ? (form[key] as string) : undefined;
    const layout = text('layout');
    const dataset = text('dataset');
    // The same bounds as the JSON body's, which the schema checks there.
    if (dataset && dataset.length > 100) throw new UpskillError('BAD_INPUT', 'dataset: at most 100 characters.');
    return {
      name: file.name || 'upload.csv',
      bytes: new Uint8Array(await file.arrayBuffer()),
      ...(layout ? { layout } : {}),
      ...(dataset ? { dataset } : {}),
    };
  }
  if (body.content === undefined || body.name === undefined)
    throw new UpskillError(
      'BAD_INPUT',
      'name and content: give the file name and its text, or upload it as multipart/form-data.',
    );
  return {
    name: body.name,
    bytes: new TextEncoder().encode(body.content),
    ...(body.layout ? { layout: body.layout } : {}),
    ...(body.dataset ? { dataset: body.dataset } : {}),
  };
}

/**
 * The format of an upload whose name does not say (a `.txt` export): a JSON array or JSON Lines by
 * their first character, TSV when the first line has tabs, else CSV; none for gzip or binary bytes.
 */
function sniffFormat(bytes: Uint8Array): PostingFileFormat | undefined {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return undefined;
  const sample = bytes.subarray(0, 4096);
  // Control bytes other than tab and line breaks mean a binary file, not a text export.
  if (sample.some((byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d)) return undefined;
  const head = new TextDecoder().decode(sample);
  const first = head.trimStart()[0];
  if (first === '[') return 'json';
  if (first === '{') return 'jsonl';
  return head.split('\n')[0]!.includes('\t') ? 'tsv' : 'csv';
}

/** A run as the API shows it: the file's name only (never a server path), without the resume bookkeeping. */
const publicRun = (run: PostingImportRun): z.infer<typeof ImportRunSchema> => ({
  id: run.id,
  dataset: run.dataset,
  file: basename(run.file),
  layout: run.layout,
  status: run.status,
  rowsRead: run.rowsRead,
  rowsKept: run.rowsKept,
  duplicates: run.duplicates,
  badRows: run.badRows,
  startedAt: run.startedAt,
  finishedAt: run.finishedAt,
});

export function registerPostingRoutes(api: OpenAPIHono, app: UpskillApp): void {
  api.openapi(upload, async (c) => {
    const sent = await uploadOf(c, c.req.valid('json'));
    // Only the last part of the name is kept: it says the format, and no upload names a path.
    // A name of dots only ("." or "..") would name a directory once joined: it becomes "upload".
    const name = basename(sent.name)
      .replace(/[^\w.-]/g, '_')
      .replace(/^\.+$/, 'upload');
    const format = formatOfFile(name) ?? sniffFormat(sent.bytes);
    if (!format)
      throw new UpskillError(
        'BAD_INPUT',
        `${name}: the name must end in .csv, .tsv, .jsonl, .ndjson or .json (or .gz of one).`,
      );
    if (sent.bytes.length > POSTING_UPLOAD_LIMITS.maxBytes)
      throw new UpskillError(
        'DOCUMENT_TOO_LARGE',
        `The upload is over the ${POSTING_UPLOAD_LIMITS.maxBytes / 1048576} MB limit.`,
      );
    const dir = mkdtempSync(join(tmpdir(), 'upskill-upload-'));
    try {
      const file = join(dir, name);
      writeFileSync(file, sent.bytes);
      const [result] = await importPostings(app, file, {
        ...(sent.layout ? { layout: sent.layout } : {}),
        format,
        dataset: sent.dataset ?? name.replace(/(\.gz)?$/i, '').replace(/\.[^.]+$/, ''),
        threads: 0,
        queue: false,
        maxInflatedBytes: POSTING_UPLOAD_LIMITS.maxInflatedBytes,
        deadlineMs: POSTING_UPLOAD_LIMITS.deadlineMs,
      }).catch((error: unknown) => {
        // A file that cannot be read is the sender's to fix, not the server's failure.
        if (isUpskillError(error) && error.code === 'SOURCE_INVALID')
          throw new UpskillError('DOCUMENT_CORRUPT', error.message, error.hint ? { hint: error.hint } : {});
        throw error;
      });
      return c.json(
        { import: { ...publicRun(result!.run), file: name }, errors: result!.errors, note: SAMPLE_NOTE },
        200,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  api.openapi(samples, async (c) => {
    const { only } = c.req.valid('json');
    const imported = await importPublicSamples(app, { threads: 0, queue: false, ...(only ? { only } : {}) });
    return c.json({ imported, note: SAMPLE_NOTE }, 200);
  });
  api.openapi(list, async (c) => {
    const runs = await listPostingImports(app.database);
    return c.json(
      runs.map(({ resumeLine: _resume, fileFingerprint: _fingerprint, ...run }) => ({
        ...run,
        file: basename(run.file),
      })),
      200,
    );
  });
  api.openapi(errors, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await findPostingImport(app.database, id))) throw new UpskillError('NOT_FOUND', `No postings import ${id}.`);
    return c.json(await listPostingImportErrors(app.database, id, c.req.valid('query').limit), 200);
  });
}

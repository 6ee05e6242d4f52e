import { z } from '@hono/zod-openapi';

// The postings import routes' answers: the routes validate by them and the web app takes its types
// from them (type-only), so this file imports nothing but zod.
export const ImportRunSchema = z
  .object({
    id: z.number().int(),
    dataset: z.string(),
    file: z.string().openapi({ description: 'the file’s name (uploads) or path (CLI)' }),
    layout: z.string(),
    status: z.enum(['running', 'done', 'failed']),
    rowsRead: z.number().int(),
    rowsKept: z.number().int().openapi({ description: 'new distinct postings stored' }),
    duplicates: z.number().int().openapi({ description: 'rows whose text or source id was already stored' }),
    badRows: z.number().int(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('PostingImport');

export const ImportErrorSchema = z
  .object({ line: z.number().int(), field: z.string().nullable(), message: z.string() })
  .openapi('PostingImportError');

export const ImportResultSchema = z
  .object({
    import: ImportRunSchema,
    errors: z
      .array(ImportErrorSchema)
      .openapi({ description: 'the first bad rows (all are listed by the errors route)' }),
    note: z.string(),
  })
  .openapi('PostingImportResult');

export const SampleImportsSchema = z
  .object({
    imported: z.array(
      z.object({
        name: z.string(),
        kind: z.enum(['postings', 'term-counts', 'insights']),
        path: z.string().openapi({ description: 'the file or folder, relative to the shared data folder' }),
        what: z.string().openapi({ description: 'what the sample is, and which part of the market it covers' }),
        stored: z.number().int().openapi({ description: 'new postings, month × term counts, or insight records' }),
        duplicates: z.number().int().openapi({ description: 'postings already stored (the same id or text)' }),
        badRows: z.number().int(),
      }),
    ),
    note: z.string(),
  })
  .openapi('PostingSampleImports');

import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { UpskillError } from '../../domain/errors.js';
import { bodyLimit } from 'hono/body-limit';
import { extractFromDocument, extractFromText, listSkills, MAX_TEXT_LENGTH, showSkill } from '../../app/skills.js';
import type { UpskillApp } from '../../app/upskill-app.js';
import { MAX_DOCUMENT_BYTES } from '../../sources/documents/read-document.js';
import { problem } from '../problem.js';
import { ExtractionSchema, SkillSchema } from '../schemas.js';
import { DEFAULT_LINKS, linkText, MAX_LINK_TEXT_LENGTH, MAX_LINKS } from '../../app/link-skills.js';
import { problemResponse } from '../openapi-responses.js';

const SkillIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a skill id like prompt-engineering')
  .openapi({ example: 'prompt-engineering' });

const list = createRoute({
  method: 'get',
  path: '/api/skills',
  summary: 'The skills of the generative-AI skills graph',
  request: { query: z.object({ category: SkillIdSchema.optional() }) },
  responses: {
    200: { content: { 'application/json': { schema: z.array(SkillSchema) } }, description: 'Skills in graph order' },
    400: problemResponse('Unknown category'),
  },
});

const show = createRoute({
  method: 'get',
  path: '/api/skills/{id}',
  summary: 'One skill with levels, hours, prerequisites and what it unlocks',
  request: { params: z.object({ id: SkillIdSchema }) },
  responses: {
    200: { content: { 'application/json': { schema: SkillSchema } }, description: 'The skill' },
    400: problemResponse('Malformed id'),
    404: problemResponse('Unknown skill'),
  },
});

// Both body schemas are checked on every request whatever its content type, so neither field may be
// required here; the handler demands the one that fits the content type.
const ExtractTextSchema = z
  .object({
    text: z
      .string()
      .max(MAX_TEXT_LENGTH)
      .optional()
      .openapi({ description: 'the résumé or posting text (required for JSON)' }),
  })
  .openapi('ExtractText');
const ExtractFileSchema = z
  .object({
    file: z
      .any()
      .optional()
      .openapi({ type: 'string', format: 'binary', description: 'the document (required for multipart)' }),
  })
  .openapi('ExtractFile');

const extract = createRoute({
  method: 'post',
  path: '/api/extract',
  summary: 'Find the skills named in a text or an uploaded document (PDF, DOCX, HTML, Markdown, text)',
  middleware: [
    bodyLimit({
      maxSize: MAX_DOCUMENT_BYTES + 64 * 1024,
      onError: (c) =>
        problem(
          c,
          413,
          'DOCUMENT_TOO_LARGE',
          `The upload is over the ${MAX_DOCUMENT_BYTES / 1048576} MB limit.`,
          'Upload the résumé itself, without embedded images or attachments.',
        ),
    }),
  ] as const,
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: ExtractTextSchema },
        'multipart/form-data': { schema: ExtractFileSchema },
      },
    },
  },
  responses: {
    200: {
      content: { 'application/json': { schema: ExtractionSchema } },
      description: 'Mentions with offsets into `text`, and one summary row per skill',
    },
    400: problemResponse('No text or file'),
    413: problemResponse('Too large'),
    415: problemResponse('Unsupported file type'),
    422: problemResponse('Encrypted, damaged, empty or scanned document'),
  },
});

const LinkRequestSchema = z
  .object({
    text: z
      .string()
      .min(1)
      .max(MAX_LINK_TEXT_LENGTH)
      .openapi({ description: 'the sentence or short text', example: 'work in large collaborative teams' }),
    top: z.number().int().min(1).max(MAX_LINKS).default(DEFAULT_LINKS).openapi({ description: 'how many skills' }),
  })
  .openapi('LinkRequest');

const LinkingSchema = z
  .object({
    text: z.string(),
    links: z.array(
      z.object({
        label: z.string().openapi({ description: 'the ESCO preferred label, or the graph skill name' }),
        esco: z.string().nullable().openapi({ description: 'the ESCO URI when the loaded export has one' }),
        skillId: z.string().nullable().openapi({ description: 'the generative-AI graph skill, when it is one' }),
        score: z.number().openapi({ description: '0–1, higher is likelier' }),
      }),
    ),
    escoLoaded: z.boolean(),
    note: z.string().optional(),
  })
  .openapi('Linking');

const link = createRoute({
  method: 'post',
  path: '/api/skills/link',
  summary: 'The ESCO and graph skills a sentence most likely means, best first, even when it names none',
  request: { body: { required: true, content: { 'application/json': { schema: LinkRequestSchema } } } },
  responses: {
    200: { content: { 'application/json': { schema: LinkingSchema } }, description: 'Ranked skills' },
    400: problemResponse('No text, too long, or a bad top'),
  },
});

export function registerSkillRoutes(api: OpenAPIHono, app: UpskillApp): void {
  api.openapi(list, (c) => c.json(listSkills(app, c.req.valid('query').category), 200));
  api.openapi(link, async (c) => {
    const { text, top } = c.req.valid('json');
    return c.json(await linkText(app, text, top), 200);
  });
  api.openapi(show, (c) => c.json(showSkill(app, c.req.valid('param').id), 200));
  api.openapi(extract, async (c) => {
    if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
      const file = (await c.req.parseBody())['file'];
      if (!(file instanceof File))
        throw new UpskillError('BAD_INPUT', 'file: attach the document as the form field "file".');
      return c.json(
        await extractFromDocument(app, new Uint8Array(await file.arrayBuffer()), file.name || 'upload'),
        200,
      );
    }
    const body = c.req.valid('json');
    const text = 'text' in body ? body.text : undefined;
    if (!text)
      throw new UpskillError(
        'BAD_INPUT',
        'text: give the résumé or posting text, or upload a file as multipart/form-data.',
      );
    return c.json(await extractFromText(app, text), 200);
  });
}

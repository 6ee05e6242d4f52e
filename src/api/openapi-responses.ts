import type { z } from '@hono/zod-openapi';
import { ProblemSchema } from './problem.js';

/** An OpenAPI response that is a problem document (RFC 9457), with what it means for this route. */
export const problemResponse = (description: string) => ({
  content: { 'application/problem+json': { schema: ProblemSchema } },
  description,
});

/** An OpenAPI JSON response of this schema. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

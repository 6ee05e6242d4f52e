import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { MAX_DOCUMENT_BYTES } from '../sources/documents/read-document.js';
import { VERSION } from '../app/config.js';
import type { UpskillApp } from '../app/upskill-app.js';
import { hostOriginGuard, type HostPolicy } from './host-origin-guard.js';
import { errorToProblem, problem, validationHook } from './problem.js';
import { registerAboutRoutes } from './routes/about.js';
import { registerOccupationRoutes } from './routes/occupations.js';
import { registerSkillRoutes } from './routes/skills.js';
import { registerPlanRoutes } from './routes/plans.js';
import { registerAccountRoutes } from './routes/accounts.js';
import { accessGuard, type AccessOptions } from './access-guard.js';
import { registerCoachRoutes } from './routes/coach.js';
import { registerMarketRoutes } from './routes/market.js';
import { POSTING_UPLOAD_PATH, registerPostingRoutes } from './routes/postings.js';
import { registerOrgRoutes } from './routes/org.js';
import { registerOrgCohortRoutes } from './routes/org-cohorts.js';
import { pageSecurity, registerWebApp, WEB_ROOT } from './web-app.js';
import { compress } from 'hono/compress';
import type { MiddlewareHandler } from 'hono';

const MAX_REQUEST_BYTES = MAX_DOCUMENT_BYTES + 2 * 1024 * 1024;

export interface ApiOptions {
  /** The built web app to serve beside the API. */
  webRoot?: string;
  /** Host names and port the server answers to; by default the loopback names on any port. */
  hosts?: HostPolicy;
  /** Personal (no accounts; the default) or team mode, and whether a reverse proxy's headers are believed. */
  access?: AccessOptions;
}

/** The HTTP API: validated by the same zod schemas that generate /api/openapi.json. */
export function createApi(app: UpskillApp, options: ApiOptions = {}): OpenAPIHono {
  const {
    webRoot = WEB_ROOT,
    hosts = { allowedHosts: [], port: () => undefined },
    access = { mode: 'personal' },
  } = options;
  const api = new OpenAPIHono({ defaultHook: validationHook });
  const compression = compress();
  // Compressing streams every response; a client that asks for none (scripts, load tools) is spared it.
  const compressWhenAsked: MiddlewareHandler = (c, next) =>
    c.req.header('accept-encoding') ? compression(c, next) : next();
  api.use('*', hostOriginGuard(hosts), pageSecurity(), compressWhenAsked, accessGuard(app, access));
  // No request body may grow past what the largest legitimate one (a document upload) needs.
  const limitBody = bodyLimit({
    maxSize: MAX_REQUEST_BYTES,
    onError: (c) =>
      problem(
        c,
        413,
        'REQUEST_TOO_LARGE',
        `The request body is over ${MAX_REQUEST_BYTES / 1048576} MB.`,
        'Send less at once; documents go to POST /api/extract (10 MB).',
      ),
  });
  // The limit wraps the request to count its bytes: only requests that can have a body need it. The
  // postings upload is bounded by its own, larger limit (a month of postings is bigger than a résumé).
  api.use('/api/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.path === POSTING_UPLOAD_PATH
      ? next()
      : limitBody(c, next),
  );
  registerOccupationRoutes(api, app);
  registerSkillRoutes(api, app);
  registerPlanRoutes(api, app);
  registerAboutRoutes(api, app);
  registerAccountRoutes(api, app);
  registerCoachRoutes(api, app);
  registerMarketRoutes(api, app);
  registerPostingRoutes(api, app);
  registerOrgRoutes(api, app);
  registerOrgCohortRoutes(api, app);
  registerWebApp(api, webRoot);
  // The routes are fixed once registered: the document is generated on first request, then served as is.
  let openApiDocument: string | undefined;
  api.get('/api/openapi.json', (c) => {
    openApiDocument ??= JSON.stringify(
      api.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Upskill API',
          version: VERSION,
          description: 'Where generative AI touches each occupation, task by task, from O*NET and GPTs-are-GPTs.',
        },
      }),
    );
    return c.body(openApiDocument, 200, { 'content-type': 'application/json' });
  });
  api.notFound((c) =>
    problem(
      c,
      404,
      'NOT_FOUND',
      `No route for ${c.req.method} ${c.req.path}.`,
      'See /api/openapi.json for the routes.',
    ),
  );
  api.onError(errorToProblem);
  return api;
}

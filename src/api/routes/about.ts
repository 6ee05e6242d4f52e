import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { about } from '../../app/data-status.js';
import { VERSION } from '../../app/config.js';
import type { UpskillApp } from '../../app/upskill-app.js';
import { AboutSchema } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/api/about',
  summary: 'Version, loaded data and the attribution of every source',
  responses: {
    200: { content: { 'application/json': { schema: AboutSchema } }, description: 'About this installation' },
  },
});

export function registerAboutRoutes(api: OpenAPIHono, app: UpskillApp): void {
  api.openapi(route, async (c) => c.json(await about(app, VERSION), 200));
}

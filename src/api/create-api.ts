import { OpenAPIHono } from '@hono/zod-openapi';
import { VERSION } from '../app/config.js';
import type { UpskillApp } from '../app/upskill-app.js';
import { errorToProblem, problem } from './problem.js';
import { registerAboutRoutes } from './routes/about.js';
import { registerOccupationRoutes } from './routes/occupations.js';
import { registerSkillRoutes } from './routes/skills.js';
import { registerPlanRoutes } from './routes/plans.js';

/** The HTTP API: validated by the same zod schemas that generate /api/openapi.json. */
export function createApi(app: UpskillApp): OpenAPIHono {
  const api = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issue = result.error.issues[0]!;
        return problem(c, 400, 'BAD_INPUT', `${issue.path.join('.') || 'request'}: ${issue.message}`);
      }
      return undefined;
    },
  });
  registerOccupationRoutes(api, app);
  registerSkillRoutes(api, app);
  registerPlanRoutes(api, app);
  registerAboutRoutes(api, app);
  api.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Upskill API', version: VERSION, description: 'Where generative AI touches each occupation, task by task, from O*NET and GPTs-are-GPTs.' },
  });
  api.notFound((c) => problem(c, 404, 'NOT_FOUND', `No route for ${c.req.method} ${c.req.path}.`, 'See /api/openapi.json for the routes.'));
  api.onError(errorToProblem);
  return api;
}

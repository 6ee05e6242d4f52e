import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { secureHeaders } from 'hono/secure-headers';
import { PACKAGE_ROOT } from '../app/config.js';

/** Where `vite build` puts the front end (see vite.config.ts). */
export const WEB_ROOT = join(PACKAGE_ROOT, 'dist', 'web');

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Upskill</title>
<body>
<h1>The web app is not built</h1>
<p>Run <code>npm run build</code>, then start <code>upskill serve</code> again (<code>npm start</code> does both).
The API is up: <a href="/api/about">/api/about</a>.</p>`;

/**
 * The content security policy allows nothing but this server: no fonts, scripts, images or requests
 * from anywhere else, so nothing personal can leave the machine through the page (links to learning
 * resources open only when clicked, and send no referrer).
 */
export const pageSecurity = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      styleSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: false, // served over plain http on this machine
  });

/** Serves the React front end beside the API: files first, then index.html for every page path. */
export function registerWebApp(api: OpenAPIHono, root: string = WEB_ROOT): void {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    api.get('*', (c, next) => (c.req.path.startsWith('/api/') ? next() : c.html(NOT_BUILT, 503)));
    return;
  }
  // Hashed file names never change content, so the browser may keep them for a year.
  const files = serveStatic({ root });
  api.use('/assets/*', async (c, next) => {
    const found = await files(c, next);
    if (!(found instanceof Response)) return undefined; // not a file: the API's 404 answered
    found.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    return found;
  });
  api.use('*', (c, next) => (c.req.path.startsWith('/api/') ? next() : files(c, next)));
  // Every other page path is a route of the single-page app.
  // Read on each request, so a rebuild while the server runs is picked up.
  const index = serveStatic({ root, path: 'index.html' });
  api.get('*', (c, next) =>
    c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/') ? next() : index(c, next),
  );
}

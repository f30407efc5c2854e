// The console's page and its static assets, built by `npm run build:console` (at `npm ci` too) into
// console-ui/dist and served from this process: nothing is fetched from elsewhere at run time, so the page
// works offline. /console/login and /console/assets/* are public (they hold no data); every other
// /console page needs a sign-in (the authenticator redirects to /console/login without one).
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const defaultConsoleDist = fileURLToPath(new URL('../../../../console-ui/dist/', import.meta.url));

const types: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
};

// The page loads only its own scripts, styles, fonts and images, and talks only to this service.
const securityHeaders = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export const consolePagesRoute =
  (dist: string = defaultConsoleDist): FastifyPluginAsyncZod =>
  async (app) => {
    const root = resolve(dist);
    const indexFile = join(root, 'index.html');
    const page = async (_req: unknown, reply: FastifyReply) => {
      if (!existsSync(indexFile))
        return reply.code(503).send({
          error: 'console_not_built',
          message: 'the console has not been built: run `npm run build:console` (npm ci does it)',
        });
      return reply
        .headers({ ...securityHeaders, 'cache-control': 'no-store' })
        .type('text/html; charset=utf-8')
        .send(readFileSync(indexFile));
    };
    const hide = { schema: { hide: true } };
    app.get('/console', hide, page);
    app.get('/console/login', hide, page);
    app.get('/console/*', hide, page);
    app.get('/console/assets/*', hide, async (request, reply) => {
      const rest = (request.params as { '*': string })['*'];
      const file = normalize(join(root, 'assets', rest));
      if (!file.startsWith(join(root, 'assets') + sep) || !(extname(file) in types))
        return reply.code(404).send({ error: 'not_found', message: `no console asset ${rest}` });
      const body = await readFile(file).catch(() => undefined);
      if (body === undefined)
        return reply.code(404).send({ error: 'not_found', message: `no console asset ${rest}` });
      return reply
        .headers({ ...securityHeaders, 'cache-control': 'public, max-age=31536000, immutable' })
        .type(types[extname(file)] ?? 'application/octet-stream')
        .send(body);
    });
  };

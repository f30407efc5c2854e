// The JSON body parser of every route: JSON.parse, then a 400 naming the first place where the body holds what
// must not go further (http/body-problems.ts). Fastify's own parser called a body with a "__proto__" key
// "not valid JSON", though it is valid JSON refused on purpose.
import type { FastifyInstance } from 'fastify';
import { bodyProblem } from './body-problems.js';

/** Fastify's codes, so the error handler answers as it did for its own parser. */
const badBody = (code: string, message: string) =>
  Object.assign(new Error(message), { statusCode: 400, code });

export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.length === 0) {
      done(badBody('FST_ERR_CTP_EMPTY_JSON_BODY', 'the body is empty; send a JSON object'), undefined);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      done(
        badBody('FST_ERR_CTP_INVALID_JSON_BODY', `the body is not valid JSON: ${(error as Error).message}`),
        undefined,
      );
      return;
    }
    const problem = bodyProblem(parsed);
    if (problem !== undefined) {
      done(problem, undefined);
      return;
    }
    done(null, parsed);
  });
}

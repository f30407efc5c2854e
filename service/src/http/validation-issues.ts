// A schema validation failure as one issue per problem, each with the path of what was wrong: `body` for the
// whole body (not `body.`), `body.entityId`, `querystring.limit`.
import type { FastifyError, FastifyRequest } from 'fastify';

export interface Issue {
  path: string;
  message: string;
}

/** A query parameter given more than once arrives as an array: say so, not "expected number, received NaN". */
function repeatedParameter(
  request: FastifyRequest,
  where: string,
  segments: readonly string[],
): string | undefined {
  const [name] = segments;
  if (where !== 'querystring' || name === undefined || segments.length !== 1) return undefined;
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  if (!Array.isArray(value)) return undefined;
  return `given ${String(value.length)} times (${value.map(String).join(', ')}); give it once`;
}

export function validationIssues(error: FastifyError, request: FastifyRequest): Issue[] {
  const where = error.validationContext ?? 'body';
  const validation = error.validation as readonly { instancePath: string; message?: string }[];
  return validation.map((v) => {
    const segments = v.instancePath.split('/').filter((s) => s !== '');
    const message = repeatedParameter(request, where, segments) ?? v.message ?? 'invalid value';
    return { path: [where, ...segments].join('.'), message };
  });
}

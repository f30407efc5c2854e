// Request handling shared by the Orders API routes: the entity scope and zod parsing of the body, each
// answering a Zuora-shaped 400 naming the field when it fails.
// https://developer.zuora.com/v1-api-reference/introduction/#section/Error-Handling
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { EmulatorContext } from './context.js';
import { entityScope } from './entity-scope.js';
import { reason, v1Error } from './errors.js';

export function parsed<T extends z.ZodType>(
  schema: T,
  request: FastifyRequest,
  reply: FastifyReply,
): z.infer<T> | undefined {
  const result = schema.safeParse(request.body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  const missing = issue?.code === 'invalid_type' && issue.message.includes('undefined');
  v1Error(reply, 400, [
    reason(
      'order',
      missing ? 'missingRequired' : 'invalidValue',
      `${path || 'body'}: ${missing ? 'is required' : (issue?.message ?? 'invalid')}`,
    ),
  ]);
  return undefined;
}

export function scopeOf(
  ctx: EmulatorContext,
  request: FastifyRequest,
  reply: FastifyReply,
): { entityId: string | null } | undefined {
  const scope = entityScope(request, ctx.store);
  if (scope.ok) return { entityId: scope.entityId };
  v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
  return undefined;
}

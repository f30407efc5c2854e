import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import type { ObjectDef } from '../schema/schema-types.js';
import { prepareJsonRecord } from '../store/prepare-json-record.js';
import { errorBody } from './save-result.js';

/** Platform event publish: validated like a record, kept for inspection, answered like a create. */
export function publishEvent(
  ctx: EmulatorContext,
  def: ObjectDef,
  body: Record<string, unknown>,
  reply: FastifyReply,
) {
  const prepared = prepareJsonRecord(ctx.schema, def, body);
  const errors = [...prepared.errors];
  for (const f of prepared.fields)
    if (!f.createable)
      errors.push({
        statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message: `Unable to create/update fields: ${f.name}.`,
        fields: [f.name],
      });
  const missing = def.fields.filter(
    (f) => f.required && !prepared.fields.some((v, i) => v === f && prepared.values[i] !== null),
  );
  if (missing.length > 0) {
    errors.push({
      statusCode: 'REQUIRED_FIELD_MISSING',
      message: `Required fields are missing: [${missing.map((f) => f.name).join(', ')}]`,
      fields: missing.map((f) => f.name),
    });
  }
  if (errors.length > 0) return reply.code(400).send(errorBody(errors));
  const list = ctx.events.get(def.name) ?? [];
  const id = `e00${String(list.length + 1).padStart(12, '0')}`;
  const event: Record<string, unknown> = {
    ReplayId: String(list.length + 1),
    EventUuid: randomUUID(),
    CreatedDate: ctx.store.now(),
    CreatedById: ctx.actingUserId,
  };
  prepared.fields.forEach((f, i) => (event[f.name] = prepared.values[i] ?? null));
  list.push(event);
  ctx.events.set(def.name, list);
  return reply.code(201).send({ id, success: true, errors: [] });
}

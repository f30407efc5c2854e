import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { parseJsonObject } from '../http/sf-reply.js';
import { findChildRelationship } from '../schema/child-relationships.js';
import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import { prepareJsonRecord } from '../store/prepare-json-record.js';
import { RequestError, sfError, type SfError } from '../store/sf-error.js';
import { objectOr404, writable } from './sobject-lookup.js';

// sObject Tree: root records of the URL's type with nested children under their child relationship
// names, each with `attributes: {type, referenceId}`. At most 200 records, five object types and
// five levels; records are created root level first; any failure rolls everything back and the
// answer names only the failing reference (400, hasErrors true); a duplicate referenceId is reported
// once per instance. This is what `sf data import tree` sends.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobject_tree.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/responses_composite_sobject_tree.htm

const maxRecords = 200;
const maxLevels = 5;
const maxTypes = 5;

interface TreeNode {
  referenceId: string;
  def: ObjectDef;
  values: Record<string, unknown>;
  level: number;
  parent: { node: TreeNode; field: FieldDef } | null;
  id?: string;
}

function collect(
  ctx: EmulatorContext,
  raw: unknown,
  def: ObjectDef,
  level: number,
  parent: TreeNode['parent'],
  out: TreeNode[],
): void {
  if (level > maxLevels)
    throw new RequestError('INVALID_INPUT', `sObject trees can be at most ${maxLevels} levels deep`);
  if (!raw || typeof raw !== 'object' || !Array.isArray((raw as { records?: unknown }).records))
    throw new RequestError('JSON_PARSER_ERROR', 'Each level of an sObject tree needs a "records" array');
  for (const item of (raw as { records: unknown[] }).records) {
    if (!item || typeof item !== 'object' || Array.isArray(item))
      throw new RequestError('JSON_PARSER_ERROR', 'Each record of an sObject tree must be an object');
    const { attributes, ...fields } = item as Record<string, unknown>;
    const attrs = (attributes ?? {}) as { type?: unknown; referenceId?: unknown };
    if (typeof attrs.referenceId !== 'string' || attrs.referenceId === '')
      throw new RequestError('INVALID_INPUT', 'Every record needs attributes.referenceId');
    if (typeof attrs.type !== 'string' || attrs.type.toLowerCase() !== def.name.toLowerCase())
      throw new RequestError(
        'INVALID_INPUT',
        `Record ${attrs.referenceId}: attributes.type must be ${def.name}`,
      );
    const node: TreeNode = { referenceId: attrs.referenceId, def, values: {}, level, parent };
    out.push(node);
    for (const [key, value] of Object.entries(fields)) {
      const rel =
        value !== null && typeof value === 'object' && !Array.isArray(value) && 'records' in value
          ? findChildRelationship(ctx.schema, def, key)
          : undefined;
      if (rel) collect(ctx, value, rel.child, level + 1, { node, field: rel.field }, out);
      else node.values[key] = value;
    }
  }
}

function validateShape(nodes: TreeNode[]): void {
  if (nodes.length > maxRecords)
    throw new RequestError(
      'INVALID_INPUT',
      `An sObject tree request can create at most ${maxRecords} records, not ${nodes.length}`,
    );
  const types = new Set(nodes.map((n) => n.def.name));
  if (types.size > maxTypes)
    throw new RequestError(
      'INVALID_INPUT',
      `An sObject tree request can hold at most ${maxTypes} object types`,
    );
}

function duplicates(nodes: TreeNode[]) {
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.referenceId, (counts.get(n.referenceId) ?? 0) + 1);
  return nodes
    .filter((n) => (counts.get(n.referenceId) ?? 0) > 1)
    .map((n) => ({
      referenceId: n.referenceId,
      errors: [sfError('INVALID_INPUT', 'Duplicate ReferenceId provided in the request.')],
    }));
}

function insertNode(ctx: EmulatorContext, node: TreeNode): SfError[] | null {
  writable(node.def);
  let prepared;
  try {
    const values = node.parent
      ? { ...node.values, [node.parent.field.name]: node.parent.node.id }
      : node.values;
    prepared = prepareJsonRecord(ctx.schema, node.def, values);
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    return [sfError(error.errorCode, error.message)];
  }
  const result = ctx.store.insert(node.def, prepared);
  if (!result.ok) return result.errors;
  node.id = result.id;
  return null;
}

export function registerCompositeTreeRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/composite/tree/:type', async (request: FastifyRequest<{ Params: { type: string } }>, reply) => {
    const def = objectOr404(ctx, request.params.type);
    const nodes: TreeNode[] = [];
    collect(ctx, parseJsonObject(request.body), def, 1, null, nodes);
    validateShape(nodes);
    const dupes = duplicates(nodes);
    if (dupes.length > 0) return reply.code(400).send({ hasErrors: true, results: dupes });
    const ordered = [...nodes].sort((a, b) => a.level - b.level);
    const savepoint = ctx.store.begin();
    for (const node of ordered) {
      const errors = insertNode(ctx, node);
      if (errors) {
        ctx.store.rollback(savepoint);
        return reply
          .code(400)
          .send({ hasErrors: true, results: [{ referenceId: node.referenceId, errors }] });
      }
    }
    ctx.store.commit();
    return reply.code(201).send({
      hasErrors: false,
      results: ordered.map((n) => ({ referenceId: n.referenceId, id: n.id })),
    });
  });
}

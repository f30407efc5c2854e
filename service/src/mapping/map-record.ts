// mapRecord(pair, zuoraRecord, context): the one-call entry point. Compiled mappers are cached per
// (map, schema, subscription identity), so calling it per record costs a map lookup, not a compile.
import type { ObjectMap } from './field-map.js';
import { findObjectMap, objectMaps, type PairName } from './object-maps.js';
import type { ZuoraRecord } from './record-path.js';
import {
  compileRecordMapper,
  type MapResult,
  type MappingContext,
  type RecordMapper,
} from './record-mapper.js';
import type { SalesforceSchema } from './salesforce-schema.js';

const cache = new WeakMap<ObjectMap, WeakMap<SalesforceSchema, Map<string, RecordMapper>>>();

export function recordMapperFor(pair: ObjectMap | PairName, context: MappingContext): RecordMapper {
  const map = typeof pair === 'string' ? findObjectMap(pair) : pair;
  if (!map) throw new Error(`unknown object pair ${pair as string}`);
  let bySchema = cache.get(map);
  if (!bySchema) cache.set(map, (bySchema = new WeakMap()));
  let byOptions = bySchema.get(context.schema);
  if (!byOptions) bySchema.set(context.schema, (byOptions = new Map<string, RecordMapper>()));
  const key = `${context.subscriptionIdentity ?? 'number'}|${context.entityId ?? ''}`;
  let mapper = byOptions.get(key);
  if (!mapper) byOptions.set(key, (mapper = compileRecordMapper(map, context, objectMaps)));
  return mapper;
}

export function mapRecord(
  pair: ObjectMap | PairName,
  zuoraRecord: ZuoraRecord,
  context: MappingContext,
): MapResult {
  return recordMapperFor(pair, context).mapRecord(zuoraRecord);
}

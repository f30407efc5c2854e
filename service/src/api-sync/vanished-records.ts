// A record of a `records` target (real-time) that Zuora no longer answers was deleted there, so it is deleted
// in Salesforce: by the same deletion rule as a deleted row of an export (mapping/record-rules.ts), which
// only reaches the maps keyed on the Zuora id.
import type { MappingContext } from '../mapping/record-mapper.js';
import { recordMapperFor } from '../mapping/map-record.js';
import { deleteKeyOf } from '../mapping/record-rules.js';
import type { PreparedObject } from './composite-writer.js';
import type { PlannedQuery } from './read-plan.js';

export function addVanished(
  planned: readonly PlannedQuery[],
  refs: readonly { zuoraObject: string; zuoraId: string }[],
  seen: ReadonlyMap<string, ReadonlySet<string>>,
  objects: Map<string, PreparedObject>,
  context: MappingContext,
): void {
  for (const q of planned) {
    const name = q.stream.zuoraObject;
    const wanted = new Set(
      refs.filter((r) => r.zuoraObject.toLowerCase() === name.toLowerCase()).map((r) => r.zuoraId),
    );
    const gone = [...wanted].filter(
      (id) => id !== '' && !(seen.get(name)?.has(id) ?? false) && q.query.includes(`'${id}'`),
    );
    for (const map of q.stream.maps) {
      const keyField = recordMapperFor(map, context).upsertKey;
      for (const id of gone) {
        const key = deleteKeyOf(map, keyField, { Id: id }, 'deleted');
        if (key === undefined) continue;
        const target: PreparedObject = objects.get(map.salesforceObject) ?? {
          zuoraObject: name,
          map,
          object: map.salesforceObject,
          keyField,
          upserts: [],
          deferred: [],
          deletes: [],
        };
        objects.set(map.salesforceObject, target);
        if (target.deletes.some((d) => d.key === key)) continue;
        target.deletes.push({ key, zuoraId: id, ownerZuoraId: null, zuoraUpdatedAt: null });
      }
    }
  }
}

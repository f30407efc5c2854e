// The versions a spool stage leaves out (expired subscription versions, mapping/record-rules.ts) are asked
// about only while the streams of their own records are routed; their keys grow with the tenant, so they are
// dropped as soon as no stream still to be routed can ask, rather than held through the largest streams.
import { versionOwnedObjects, type RemovedRecords } from '../mapping/record-rules.js';

/**
 * `pending`: the streams still to be routed (main batches and retry rows alike); `followUp`: whether the
 * records of cancelled accounts will be read and routed again after the main job (they may be versions' own).
 */
export function releaseLeftOut(removed: RemovedRecords, pending: Iterable<string>, followUp: boolean): void {
  if (followUp) return;
  for (const stream of pending) if (versionOwnedObjects.has(stream)) return;
  removed.doneWithLeftOut();
}

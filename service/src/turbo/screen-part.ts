// Before a spool part loads it is screened: the rows waiting for a parent whose last sync failed
// (mapping/parent-rules.ts) are held back and returned as PARENT_FAILED failures; the keys left in the part
// that carry an open failure of their own are noted, to be resolved once they load (screen-rules.ts). When
// neither can apply (no failed parents, no open failures: every first full sync) the part is not read at all.
// The part itself is never written again: the held rows' record numbers come back as `leftOut`. The upload
// screens as it streams the part (part-screen.ts), so the part is read once; this reads it alone, for a dry
// run, a job resumed past its upload, or a body cut to the records that change.
import { createReadStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { readCsvHeader } from '../csv/csv-header.js';
import { csvStreamJudged } from '../csv/copy-csv-judged.js';
import type { ObjectMap } from '../mapping/field-map.js';
import type { FailedRecordInput } from '../store/failed-record-rows.js';
import type { Queryable } from '../store/store.js';
import { screenBasis, type ScreenBasis, type ScreenedPart } from './screen-basis.js';
import { screenJudge } from './screen-judge.js';

export type { ScreenedPart } from './screen-basis.js';

export const nothingScreened = (): ScreenedPart => ({ held: [], resolvable: [], leftOut: new Set() });

/** Reads the part at `file` through the judge of `basis` (nothing sent): what screening it finds. */
export async function readScreened(file: string, basis: ScreenBasis): Promise<ScreenedPart> {
  const into = nothingScreened();
  const read = csvStreamJudged(createReadStream(file, { highWaterMark: 1 << 20 }), screenJudge(basis, into));
  await finished(read.resume());
  return into;
}

/**
 * Idempotent: the part is only read, and a row held before in `sessionId` is left out, not held again. The held
 * rows are stored (`keep`) before this returns: before anything of the part is sent.
 */
export async function screenPart(
  db: Queryable,
  file: string,
  map: ObjectMap | undefined,
  stream: string,
  entityId: string,
  failureObject: string,
  pass: 'upsert' | 'deferred' = 'upsert',
  keep: (held: readonly FailedRecordInput[]) => Promise<void> = () => Promise.resolve(),
  sessionId?: string,
): Promise<ScreenedPart> {
  const target = { map, stream, entityId, failureObject, pass, sessionId };
  const basis = await screenBasis(db, readCsvHeader(file), target);
  if (basis === undefined) return nothingScreened();
  const screened = await readScreened(file, basis);
  if (screened.held.length > 0) await keep(screened.held);
  return screened;
}

// Screening a spool part row by row (turbo/screen-part.ts): each row is held back (a parent it waits for failed:
// mapping/parent-rules.ts), left out (held before by the same session), or sent, its key noted when it carries
// an open failure of its own. Most rows match no open failure: their fields are only hashed in place
// (csv/copy-csv-fields.ts), and a field is decoded only when its hash is one of an open failure's keys.
import type { RecordJudge } from '../csv/copy-csv-judged.js';
import {
  failedParentAt,
  parentFailure,
  type ParentFailure,
  type ParentRef,
} from '../mapping/parent-rules.js';
import { emptyKeySet } from '../store/key-set.js';
import type { ScreenBasis, ScreenedPart } from './screen-basis.js';

type Keep = RecordJudge['keep'];

export interface ScreenJudge extends RecordJudge {
  /**
   * Drops the basis (its key sets) once every row is judged: the judged stream, and this judge with it, may
   * be held by the upload until its Bulk job ends (at L a part's sets are megabytes, several jobs at once).
   */
  release(): void;
}

/** The judge of a part's rows under `basis`, filling `into` as it goes. */
export function screenJudge(basis: ScreenBasis, into: ScreenedPart): ScreenJudge {
  const { waits } = basis;
  const width = Math.max(0, ...waits.map((w) => w.index)) + 1;
  // Only the key and the columns a row waits on are read: the other fields are never built.
  const columns = Array.from({ length: width }, (_, i) => i === 0 || waits.some((w) => w.index === i));
  let judge: Keep | undefined = rowJudge(basis, width, into);
  return {
    columns,
    keep: (ordinal, fields) => (judge as Keep)(ordinal, fields),
    release: () => {
      judge = undefined;
    },
  };
}

function rowJudge(basis: ScreenBasis, width: number, into: ScreenedPart): Keep {
  const { waits, failed, own, target } = basis;
  const isFailed = (parent: string, key: string) => failed.get(parent)?.has(key) === true;
  const waitKeys = waits.map((w) => failed.get(w.target) ?? emptyKeySet);
  // The row as failedParentAt reads it: the text of each column whose hash may be a failed parent's key.
  const row = Array.from({ length: width }, () => '');
  // Rows held for one parent come together (an invoice's items): they share its failure, message and fields,
  // not a copy a row (at L a part held ~6,000 rows at once, ~200 bytes each of the same text).
  let last: { parent: ParentRef; failure: ParentFailure } | undefined;
  const failureOf = (parent: ParentRef): ParentFailure => {
    const l = last;
    if (
      l?.parent.key === parent.key &&
      l.parent.target === parent.target &&
      l.parent.column === parent.column
    )
      return l.failure;
    const failure = parentFailure(parent);
    last = { parent, failure };
    return failure;
  };
  return (ordinal, fields) => {
    // Keys are decoded from the part's bytes into strings of their own: kept, they hold no chunk alive.
    const key = own.hasHash(fields.hash(0)) ? fields.text(0) : undefined;
    if (key !== undefined && own.marked(key)) {
      into.leftOut.add(ordinal);
      return false;
    }
    let maybe = false;
    for (let i = 0; i < waits.length; i += 1) {
      const at = waits[i]?.index ?? 0;
      const hit = waitKeys[i]?.hasHash(fields.hash(at)) === true;
      row[at] = hit ? fields.text(at) : '';
      maybe ||= hit;
    }
    const parent = maybe ? failedParentAt(waits, row, isFailed) : undefined;
    if (parent === undefined) {
      if (key !== undefined && own.has(key)) into.resolvable.push(key);
      return true;
    }
    into.leftOut.add(ordinal);
    const failure = failureOf(parent);
    const externalId = key ?? fields.text(0);
    into.held.push({
      stream: target.stream,
      salesforceObject: target.failureObject,
      entityId: target.entityId,
      externalId,
      zuoraId: basis.zuoraIdKeys ? externalId : null,
      code: failure.code,
      message: failure.message,
      fields: failure.fields,
    });
    return false;
  };
}

// Zuora ids are 32 lowercase hex characters (e.g. 2c92c0f86a8dd422016a9e7a70116b0d). Generated ids
// encode seed, object, account and a per-account sequence, so any account's records get the same ids
// whatever order they are generated in (the L tenant is generated as a stream).
import { objectNames, type ObjectName } from './object-definitions.js';

const objectCodes = new Map(objectNames.map((n, i) => [n, (i + 1).toString(16).padStart(2, '0')]));

export function seedPrefix(seed: number): string {
  return (Math.imul(seed ^ 0x2c92c0f8, 2654435761) >>> 0).toString(16).padStart(8, '0');
}

/** Id of the `sequence`-th record of `object` generated for account `accountIndex` (catalog: 0xffffffff). */
export function generatedId(
  prefix: string,
  object: ObjectName,
  accountIndex: number,
  sequence: number,
): string {
  return (
    prefix +
    '00' +
    (objectCodes.get(object) ?? '00') +
    (accountIndex >>> 0).toString(16).padStart(8, '0') +
    sequence.toString(16).padStart(12, '0')
  );
}

/** Ids of records created at run time (orders, events, CRUD): a separate namespace ('01'). */
export function runtimeId(prefix: string, object: ObjectName, counter: number): string {
  return prefix + '01' + (objectCodes.get(object) ?? '00') + counter.toString(16).padStart(20, '0');
}

export function isZuoraId(value: string): boolean {
  return /^[0-9a-f]{32}$/.test(value);
}

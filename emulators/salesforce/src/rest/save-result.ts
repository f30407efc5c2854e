import type { SfError, WriteResult } from '../store/sf-error.js';

/** The REST SaveResult shape used by collections and composite. */
export function saveResult(result: WriteResult, withCreated: boolean) {
  if (result.ok)
    return {
      id: result.id,
      success: true,
      errors: [] as SfError[],
      ...(withCreated ? { created: result.created } : {}),
    };
  return { success: false, errors: result.errors, ...(withCreated ? { created: false } : {}) };
}

/** A single-record failure body: `[{message, errorCode, fields}]`. */
export function errorBody(errors: SfError[]) {
  return errors.map((e) => ({ message: e.message, errorCode: e.statusCode, fields: e.fields }));
}

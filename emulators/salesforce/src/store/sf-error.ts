/** A record-level error as the REST and Bulk APIs report it (`{statusCode, message, fields}`). */
export interface SfError {
  statusCode: string;
  message: string;
  fields: string[];
}

export type SfValue = string | number | boolean | null;
export type StoredRecord = Record<string, SfValue>;

export type WriteResult = { ok: true; id: string; created: boolean } | { ok: false; errors: SfError[] };

export const sfError = (statusCode: string, message: string, fields: string[] = []): SfError => ({
  statusCode,
  message,
  fields,
});

/**
 * A failure that rejects a whole REST request rather than one record (e.g. JSON that does not
 * deserialize into the field's type). The REST layer answers 400 `[{message, errorCode}]`.
 */
export class RequestError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
  }
}

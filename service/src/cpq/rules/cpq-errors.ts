// Failures of the CPQ rules as values: a coded error with the message and fix a sales user reads, the
// record and field it is about, and whether it is transient. Every refusal of the rules is one of the
// catalogue's codes (cpq-error-catalog.ts); `fromZuoraOrderError` gives a Zuora Orders API error answer
// its code (zuora-order-errors.ts).
import { cpqErrorCatalog, type CpqErrorCode, type CpqErrorSpec } from './cpq-error-catalog.js';

export { cpqErrorCatalog, documentedErrorCodes, type CpqErrorCode } from './cpq-error-catalog.js';

/** The Salesforce (or Zuora) record and field an error is about. */
export interface CpqErrorRecord {
  readonly object: string;
  readonly id: string;
  readonly field?: string;
}

export interface CpqError {
  readonly code: CpqErrorCode;
  /** Title plus what exactly is wrong, in plain words (no billing contact data). */
  readonly message: string;
  readonly fix: string;
  readonly transient: boolean;
  /** A waiting reason (the order is retried, not failed). */
  readonly waiting: boolean;
  readonly record?: CpqErrorRecord;
}

export type CpqResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CpqError };

export const ok = <T>(value: T): CpqResult<T> => ({ ok: true, value });

export function cpqError(code: CpqErrorCode, detail: string, record?: CpqErrorRecord): CpqError {
  const spec: CpqErrorSpec = cpqErrorCatalog[code];
  return {
    code,
    message: detail === '' ? spec.title : `${spec.title}: ${detail}`,
    fix: spec.fix,
    transient: spec.transient === true,
    waiting: spec.waiting === true,
    ...(record === undefined ? {} : { record }),
  };
}

/** A failed result of `code`. */
export function fail<T = never>(code: CpqErrorCode, detail: string, record?: CpqErrorRecord): CpqResult<T> {
  return { ok: false, error: cpqError(code, detail, record) };
}

/** `CODE: message`, as Order.Zuora_Last_Sync_Error__c holds it. */
export function errorLine(error: CpqError): string {
  return `${error.code}: ${error.message}`;
}

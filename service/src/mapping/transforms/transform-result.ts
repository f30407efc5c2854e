// Transforms return values, never throw: a value that cannot be written is a record error.
import type { SalesforceField } from '../salesforce-schema.js';

export type CellValue = string | number | boolean | null;

export type TransformErrorCode =
  | 'STRING_TOO_LONG'
  | 'INVALID_TEXT'
  | 'INVALID_PICKLIST_VALUE'
  | 'INVALID_NUMBER'
  | 'NUMBER_OUT_OF_RANGE'
  | 'INVALID_BOOLEAN'
  | 'INVALID_DATE'
  | 'DATE_OUT_OF_RANGE'
  | 'INVALID_APPLY_DISCOUNT_TO'
  | 'INVALID_BILLING_TIMING'
  | 'INVALID_SALESFORCE_ID';

export type TransformResult =
  | { readonly ok: true; readonly value: CellValue }
  | { readonly ok: false; readonly code: TransformErrorCode; readonly message: string };

/** A transform gets the Zuora value and the target field (for its size, scale, picklist). */
export type Transform = (value: unknown, field: SalesforceField) => TransformResult;

export const ok = (value: CellValue): TransformResult => ({ ok: true, value });
export const fail = (code: TransformErrorCode, message: string): TransformResult => ({
  ok: false,
  code,
  message,
});

/** Zuora sends absent values as null, missing keys or empty strings; all clear the Salesforce field. */
export function isBlank(value: unknown): value is null | undefined | '' {
  return value === null || value === undefined || value === '';
}

export function describeValue(value: unknown): string {
  const s = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

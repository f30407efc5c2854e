// Whether a mapped value equals what Salesforce holds, field type by field type: numbers by value ("10.50" is
// 10.5), dates by day, date-times by instant (Salesforce answers `2026-01-02T03:04:05.000+0000` for what was
// sent as `2026-01-02T03:04:05Z`), checkboxes as booleans, and a blank text equal to null (Salesforce stores
// an empty string as null: https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/field_types.htm).
import type { SalesforceField } from '../mapping/salesforce-schema.js';
import { digits } from '../mapping/transforms/date-transforms.js';
import type { CellValue } from '../mapping/transforms/transform-result.js';

/** A value as the report shows it: the stored form, null for a blank. */
export type ShownValue = string | number | boolean | null;

function blank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Whether `text` ends in an offset without its colon (Salesforce's `+0000`), which Date.parse needs. */
function bareOffset(text: string): boolean {
  const sign = text[text.length - 5];
  return (sign === '+' || sign === '-') && digits(text, text.length - 4, text.length);
}

function asInstant(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  // Checked by hand, not with a regular expression: a drift check parses a few million of these.
  const iso = bareOffset(value) ? `${value.slice(0, -2)}:${value.slice(-2)}` : value;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

function asBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'TRUE' || value === '1') return true;
  if (value === 'false' || value === 'FALSE' || value === '0') return false;
  return null;
}

export function sameValue(field: SalesforceField | undefined, desired: CellValue, current: unknown): boolean {
  if (blank(desired) || blank(current)) return blank(desired) && blank(current);
  switch (field?.type) {
    case 'Number':
    case 'Currency':
    case 'Percent': {
      const a = asNumber(desired);
      const b = asNumber(current);
      return a !== null && b !== null && Math.abs(a - b) < 1e-9;
    }
    case 'Checkbox':
      return asBoolean(desired) === asBoolean(current);
    case 'Date':
      return String(desired).slice(0, 10) === String(current).slice(0, 10);
    case 'DateTime': {
      const a = asInstant(desired);
      return a !== null && a === asInstant(current);
    }
    default:
      return String(desired) === String(current);
  }
}

/** A current value as the report shows it (Salesforce's own form), null for a blank. */
export function shown(value: unknown): ShownValue {
  if (blank(value)) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** One form per value as `sameValue` sees it (a checksum input): equal values give equal text. */
export function canonical(field: SalesforceField | undefined, value: unknown): string {
  if (blank(value)) return '';
  switch (field?.type) {
    case 'Number':
    case 'Currency':
    case 'Percent':
      return String(asNumber(value));
    case 'Checkbox':
      return String(asBoolean(value));
    case 'Date':
      return String(value).slice(0, 10);
    case 'DateTime':
      return String(asInstant(value));
    default:
      return String(value);
  }
}

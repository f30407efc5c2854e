// Loose comparison of a stored value with a literal, used where no field type is at hand (Object Query
// filters and sorts, field-to-field comparisons): numbers as numbers, booleans by name, ISO date-times as
// instants (a bare date is midnight UTC), other strings by code unit. null when the two cannot be compared.
import type { FieldValue } from '../model/zuora-record.js';
import type { Literal } from './zoql-ast.js';

const isoLike = /^\d{4}-\d{2}-\d{2}/;

export function compareValues(a: FieldValue, b: Literal): number | null {
  if (a === null || b === null) return null;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    return Number.isNaN(x) || Number.isNaN(y) ? null : x - y;
  }
  if (typeof a === 'boolean' || typeof b === 'boolean')
    return String(a).toLowerCase() === String(b).toLowerCase() ? 0 : 1;
  if (isoLike.test(a) && isoLike.test(b) && (a.length > 10 || b.length > 10)) {
    const x = Date.parse(a.length === 10 ? `${a}T00:00:00Z` : a);
    const y = Date.parse(b.length === 10 ? `${b}T00:00:00Z` : b);
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

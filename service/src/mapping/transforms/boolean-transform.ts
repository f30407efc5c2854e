// Checkbox targets. Zuora returns booleans as JSON booleans (REST/ZOQL) or "true"/"false" (AQuA CSV).
// A checkbox has no empty state, so an absent value is false, as Salesforce stores it.
import { describeValue, fail, isBlank, ok, type Transform } from './transform-result.js';

const truthy = new Set(['true', '1', 'yes', 'y']);
const falsy = new Set(['false', '0', 'no', 'n']);

export const boolean: Transform = (value, field) => {
  if (isBlank(value)) return ok(false);
  if (typeof value === 'boolean') return ok(value);
  if (value === 1 || value === 0) return ok(value === 1);
  if (typeof value === 'string') {
    const s = value.trim().toLowerCase();
    if (truthy.has(s)) return ok(true);
    if (falsy.has(s)) return ok(false);
  }
  return fail('INVALID_BOOLEAN', `${field.name}: expected true or false, got ${describeValue(value)}`);
};

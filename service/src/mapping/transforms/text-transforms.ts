// Text-like targets. Salesforce rejects values longer than the field (STRING_TOO_LONG); we refuse
// them before loading rather than truncating silently, naming the field, the length and the limit.
import type { SalesforceField } from '../salesforce-schema.js';
import {
  describeValue,
  fail,
  isBlank,
  ok,
  type Transform,
  type TransformOutput,
} from './transform-result.js';

/** Salesforce counts characters, not UTF-16 units: an emoji is one character. */
export function characterCount(s: string): number {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

function checkLength(s: string, field: SalesforceField): TransformOutput {
  // A string never has more characters than UTF-16 units, so most values need no counting.
  if (field.length === undefined || s.length <= field.length) return ok(s);
  const count = characterCount(s);
  if (count > field.length) {
    return fail(
      'STRING_TOO_LONG',
      `${field.name}: value is ${count} characters long, the field allows at most ${field.length}`,
    );
  }
  return ok(s);
}

export const text: Transform = (value, field) => {
  if (isBlank(value)) return ok(null);
  const s = asText(value);
  if (s === undefined)
    return fail('INVALID_TEXT', `${field.name}: expected text, got ${describeValue(value)}`);
  return checkLength(s, field);
};

export const picklist: Transform = (value, field) => {
  if (isBlank(value)) return ok(null);
  const s = asText(value);
  if (s === undefined)
    return fail('INVALID_TEXT', `${field.name}: expected text, got ${describeValue(value)}`);
  const allowed = field.picklistValues;
  if (allowed && !allowed.includes(s)) {
    const shown = allowed.slice(0, 12).join(', ') + (allowed.length > 12 ? ', ...' : '');
    return fail(
      'INVALID_PICKLIST_VALUE',
      `${field.name}: ${describeValue(s)} is not one of the picklist values (${shown})`,
    );
  }
  return checkLength(s, field);
};

/**
 * Zuora 360 writes catalog names to the 80-character Name field and the full name to a "Full Name"
 * field (seed 003: "Feature name in 80 characters or less" / "Full name of the feature"). Only maps
 * that also write the full value elsewhere may use this; a test enforces that pairing.
 */
export const abbreviatedName: Transform = (value, field) => {
  if (isBlank(value)) return ok(null);
  const s = asText(value);
  if (s === undefined)
    return fail('INVALID_TEXT', `${field.name}: expected text, got ${describeValue(value)}`);
  const limit = field.length;
  if (limit === undefined || characterCount(s) <= limit) return ok(s);
  return ok([...s].slice(0, limit).join(''));
};

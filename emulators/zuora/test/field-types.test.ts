// The declared field types (describe, query literal checks) agree with the values the tenant holds.
import { describe, expect, it } from 'vitest';
import { fieldType } from '../src/model/field-types.js';
import { objectFields, objectNames } from '../src/model/object-definitions.js';
import { TenantStore } from '../src/store/tenant-store.js';
import { generateTenant } from '../src/tenant/generate-tenant.js';
import { isValidDateText, readMoment } from '../src/query/temporal.js';

function fits(type: string, v: unknown): boolean {
  if (type === 'boolean') return typeof v === 'boolean';
  if (type === 'integer') return typeof v === 'number' && Number.isInteger(v);
  if (type === 'decimal') return typeof v === 'number';
  if (type === 'date') return typeof v === 'string' && isValidDateText(v);
  if (type === 'datetime')
    return typeof v === 'string' && typeof readMoment(v) === 'object' && v.includes('T');
  return typeof v === 'string';
}

describe('field types', () => {
  it('describe every generated value as it is stored', () => {
    const store = new TenantStore(() => new Date('2026-01-01T00:00:00Z'));
    store.load(generateTenant({ seed: 11, size: 'S', entityCount: 2 }));
    const mismatches: string[] = [];
    for (const object of objectNames)
      for (const field of objectFields[object]) {
        const type = fieldType(object, field);
        let seen = 0;
        for (const { record } of store.scan(object, null)) {
          if ((seen += 1) > 500) break;
          const v = record[field];
          if (v !== null && v !== undefined && !fits(type, v)) {
            mismatches.push(`${object}.${field} (${type}): ${JSON.stringify(v)}`);
            break;
          }
        }
      }
    expect(mismatches).toEqual([]);
  });

  it('know real calendar dates', () => {
    expect(isValidDateText('2024-02-29')).toBe(true);
    expect(isValidDateText('2025-02-29')).toBe(false);
    expect(isValidDateText('2025-02-30')).toBe(false);
    expect(isValidDateText('2025-04-31')).toBe(false);
    expect(readMoment('2025-01-01T24:00:00')).toBe('invalid');
    expect(readMoment('2025-01-01T10:00:00-05:00')).toEqual({
      kind: 'instant',
      at: Date.UTC(2025, 0, 1, 15),
    });
  });
});

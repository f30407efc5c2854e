// A DateTime field given a plain calendar date (Payment.EffectiveDate into Effective_Date__c) takes a fast
// path to its midnight UTC: the same value the general path gives the same date at 00:00:00, for every date.
import { describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../../../emulators/shared/mulberry32.js';
import type { SalesforceField } from '../../src/mapping/salesforce-schema.js';
import { datetime } from '../../src/mapping/transforms/date-transforms.js';
import { isFailure } from '../../src/mapping/transforms/transform-result.js';

const field: SalesforceField = { name: 'Effective_Date__c', type: 'DateTime' };
const outcome = (v: string) => {
  const r = datetime(v, field);
  return isFailure(r) ? r.code : r;
};

describe('datetime of a plain date', () => {
  it('is the midnight UTC the general path gives, valid or not, in range or not', () => {
    const next = random(23);
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const dates = [
      '1700-01-01',
      '1699-12-31',
      '4000-12-31',
      '4001-01-01',
      '2024-02-29',
      '2023-02-29',
      '2000-02-29',
      '1900-02-29',
      '0000-01-01',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '2024-04-30',
      '9999-12-31',
    ];
    for (let i = 0; i < 5_000; i += 1) {
      const year = Math.floor(next() * 10_000);
      dates.push(`${pad(year, 4)}-${pad(Math.floor(next() * 14), 2)}-${pad(Math.floor(next() * 33), 2)}`);
    }
    let taken = 0;
    for (const d of dates) {
      const general = outcome(`${d}T00:00:00`);
      expect(outcome(d), d).toBe(general);
      if (general === `${d}T00:00:00.000Z`) taken += 1;
    }
    expect(taken).toBeGreaterThan(500);
  });
});

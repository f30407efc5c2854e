import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cpqError,
  cpqErrorCatalog,
  documentedErrorCodes,
  errorLine,
} from '../../../src/cpq/rules/cpq-errors.js';

describe('CPQ error catalogue', () => {
  it("titles the six documented errors with Zuora's messages, in its order", () => {
    expect(documentedErrorCodes.map((c) => cpqErrorCatalog[c].title)).toEqual([
      'Invalid referenced products',
      'Unable to locate a matching rate plan to amend for OrderItem/OrderProduct.',
      'No matching Subscription for OrderItem/OrderProduct.',
      "The revised OrderItem/OrderProduct doesn't have a specified ID for the revised order item consumption schedule.",
      'The Order Product Consumption Schedule could not be found.',
      'Cannot find the charge for the Product',
    ]);
  });

  it('gives every code a title and a fix in plain words', () => {
    for (const [code, spec] of Object.entries(cpqErrorCatalog)) {
      expect(code).toMatch(/^CPQ-[EW]\d{3}$/);
      expect(spec.title.length).toBeGreaterThan(10);
      expect(spec.fix.length).toBeGreaterThan(20);
    }
  });

  it('builds an error with its record, transient and waiting flags', () => {
    const e = cpqError('CPQ-E021', 'ECONNRESET');
    expect(e).toEqual({
      code: 'CPQ-E021',
      message: 'Zuora could not be reached: ECONNRESET',
      fix: cpqErrorCatalog['CPQ-E021'].fix,
      transient: true,
      waiting: false,
    });
    expect(cpqError('CPQ-W001', '', { object: 'Order', id: '801x' })).toMatchObject({
      message: cpqErrorCatalog['CPQ-W001'].title,
      waiting: true,
      record: { object: 'Order', id: '801x' },
    });
    expect(errorLine(cpqError('CPQ-E001', 'product X'))).toBe(
      'CPQ-E001: Invalid referenced products: product X',
    );
  });

  it('is listed in the README with every title and fix', () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(
      readme.indexOf('## CPQ error codes'),
      readme.indexOf('## The Salesforce package'),
    );
    for (const [code, spec] of Object.entries(cpqErrorCatalog)) {
      const row = section.split('\n').find((l) => l.startsWith(`| \`${code}\``));
      expect(row, code).toBeDefined();
      expect(row).toContain(spec.title.replace(/\|/g, '\\|'));
      expect(row).toContain(spec.fix.replace(/\|/g, '\\|'));
    }
  });
});

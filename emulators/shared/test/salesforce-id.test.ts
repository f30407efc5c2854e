import { describe, expect, it } from 'vitest';
import { isSalesforceId, makeSalesforceId, normalizeId, to18 } from '../salesforce-id.js';

describe('Salesforce Ids', () => {
  it('computes the documented 18-character checksum', () => {
    // Example from Salesforce's help article on 15- and 18-character Ids.
    expect(to18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
  });
  it('makes distinct, valid, deterministic Ids', () => {
    const a = makeSalesforceId('001', 1);
    const b = makeSalesforceId('001', 2);
    expect(a).toHaveLength(18);
    expect(a).not.toBe(b);
    expect(makeSalesforceId('001', 1)).toBe(a);
    expect(isSalesforceId(a)).toBe(true);
    expect(isSalesforceId(`${a.slice(0, 15)}AAA`)).toBe(a.endsWith('AAA'));
    expect(normalizeId(a.slice(0, 15))).toBe(a);
  });
});

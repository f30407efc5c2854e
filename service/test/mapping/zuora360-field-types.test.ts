// The package's field types against Zuora 360's own (fixtures/zuora360-schema-types.md, generated
// from a real org's Enterprise WSDL): a field the maps write that Zuora 360 typed Boolean must be a
// Checkbox here, Double a number, Date a Date, Calendar a DateTime, String a text or picklist field.
// This catches a type drift that checkMapsAgainstSchema cannot, since maps infer transforms from
// the Salesforce type.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { objectMaps } from '../../src/mapping/object-maps.js';
import type { SalesforceFieldType } from '../../src/mapping/salesforce-schema.js';
import { forceAppSchema } from './force-app-objects.js';

const accepted: Record<string, readonly SalesforceFieldType[]> = {
  Boolean: ['Checkbox'],
  Double: ['Number', 'Currency', 'Percent'],
  Date: ['Date'],
  Calendar: ['DateTime'],
  String: [
    'Text',
    'TextArea',
    'LongTextArea',
    'Html',
    'Email',
    'Phone',
    'Url',
    'Picklist',
    'Lookup',
    'MasterDetail',
  ],
};

/** Our object name -> field -> the Zuora 360 WSDL type. */
function zuora360Types(): Map<string, Map<string, string>> {
  const text = readFileSync(
    join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures/zuora360-schema-types.md'),
    'utf8',
  );
  const types = new Map<string, Map<string, string>>();
  for (const line of text.split('\n')) {
    const object = /^- \*\*(?:Zuora__|Zqu__)(\w+)\*\* — (.*)$/.exec(line);
    if (!object?.[1] || !object[2]) continue;
    const fields = new Map<string, string>();
    for (const m of object[2].matchAll(
      /`(?:Zuora__|zqu__)(\w+)` \((String|Double|Boolean|Date|Calendar)\)/g,
    )) {
      if (m[1] && m[2]) fields.set(m[1], m[2]);
    }
    types.set(object[1], fields);
  }
  return types;
}

describe('package field types against Zuora 360', () => {
  it('match the Zuora 360 type of every mapped field Zuora 360 also had', () => {
    const types = zuora360Types();
    const mismatches: string[] = [];
    let compared = 0;
    for (const m of objectMaps) {
      const known = types.get(m.salesforceObject);
      if (!known) continue;
      for (const f of m.fields) {
        const wsdlType = known.get(f.salesforce);
        const ours = forceAppSchema.get(m.salesforceObject)?.fields.get(f.salesforce)?.type;
        if (!wsdlType || !ours) continue;
        compared += 1;
        if (!accepted[wsdlType]?.includes(ours))
          mismatches.push(`${m.salesforceObject}.${f.salesforce}: ${ours}, Zuora 360 ${wsdlType}`);
      }
    }
    expect(compared).toBeGreaterThan(200);
    expect(mismatches.join('\n')).toBe('');
  });
});

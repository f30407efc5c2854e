// The committed Zuora 360 org schema (emulators/salesforce/orgs/zuora360-org.json) is exactly what its generator
// writes from the reference tables, and the ZUORA360_COMPAT renaming table names only objects and fields it has.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapsForProfile } from '../../../service/src/mapping/mapping-profile.js';
import { renderZuora360Org, ZUORA360_ORG_FILE } from '../zuora360/generate-zuora360-org.js';

interface Org {
  objects: { name: string; fields: { fullName: string; externalId?: boolean }[] }[];
}

describe('the Zuora 360 org schema', () => {
  it('matches what generate-zuora360-org.ts writes (npm run generate:zuora360-org)', async () => {
    expect(readFileSync(ZUORA360_ORG_FILE, 'utf8')).toBe(await renderZuora360Org());
  });

  it('keeps the namespaces and has every object, field and key the compat maps write', () => {
    const org = JSON.parse(readFileSync(ZUORA360_ORG_FILE, 'utf8')) as Org;
    const fields = new Map(org.objects.map((o) => [o.name, new Map(o.fields.map((f) => [f.fullName, f]))]));
    const { maps, skipped } = mapsForProfile('ZUORA360_COMPAT');
    const absent: string[] = [];
    for (const m of maps) {
      expect(m.salesforceObject, m.name).toMatch(/^(Zuora__|zqu__)\w+__c$|^Product2$/);
      const own = fields.get(m.salesforceObject);
      const names = [m.externalId.salesforce, ...m.fields.map((f) => f.salesforce)].filter(
        (f) => f !== 'Name',
      );
      for (const f of names) if (!own?.has(f)) absent.push(`${m.salesforceObject}.${f}`);
      expect(own?.get(m.externalId.salesforce)?.externalId, `${m.name} key`).toBe(true);
    }
    expect(absent).toEqual([]);
    for (const s of skipped) expect(s.reason.length, `${s.object}.${s.field}`).toBeGreaterThan(20);
  });
});

// The maps as data: well formed, covering every table of the Zuora 360 reference (fixtures/ holds a
// copy of shared/reference/zuora360-field-mappings.md), and rendered into docs/field-mappings.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { lookupField, transformNames } from '../../src/mapping/field-map.js';
import { renderFieldMappingsDoc } from '../../../scripts/docs/field-mappings-doc.js';
import { unmappedReferenceFields } from '../../../scripts/docs/reference-deviations.js';
import { objectMaps } from '../../src/mapping/object-maps.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const strip = (name: string) => name.replace(/^(zuora__|zqu__)/i, '').replace(/ \(External ID\)$/, '');

/** Salesforce object -> the Salesforce fields its reference tables list. */
function referenceTables(): Map<string, Set<string>> {
  const text = readFileSync(join(here, 'fixtures/zuora360-field-mappings.md'), 'utf8');
  const tables = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  for (const line of text.split('\n')) {
    const heading = /^#### .+?\s*:\s*(\S+)/.exec(line);
    if (heading?.[1]) {
      const object = strip(heading[1]);
      current = tables.get(object) ?? new Set();
      tables.set(object, current);
      continue;
    }
    const row = /^\| [^|]* \| `([^`]+)`/.exec(line);
    if (row?.[1] && current) current.add(strip(row[1]));
  }
  return tables;
}

function writtenFields(object: string): Set<string> {
  const written = new Set<string>();
  for (const m of objectMaps.filter((x) => x.salesforceObject === object)) {
    written.add(m.externalId.salesforce);
    for (const f of m.fields) written.add(f.salesforce);
    for (const r of m.references) written.add(lookupField(r));
  }
  return written;
}

describe('object maps', () => {
  it('have unique pair names, one map per Salesforce object, https sources and known transforms', () => {
    expect(new Set(objectMaps.map((m) => m.name)).size).toBe(objectMaps.length);
    expect(new Set(objectMaps.map((m) => m.salesforceObject)).size).toBe(objectMaps.length);
    for (const m of objectMaps) {
      expect(m.source, m.name).toMatch(/^https:\/\//);
      for (const f of m.fields) if (f.transform) expect(transformNames).toContain(f.transform);
    }
  });

  it('never write one Salesforce column twice in a map', () => {
    for (const m of objectMaps) {
      const columns = [
        m.externalId.salesforce,
        ...m.fields.map((f) => f.salesforce),
        ...m.references.map(lookupField),
      ];
      const dupes = columns.filter((c, i) => columns.indexOf(c) !== i);
      expect(dupes, m.name).toEqual([]);
    }
  });

  it('abbreviate a name only where the full value is written to another field too', () => {
    for (const m of objectMaps) {
      for (const f of m.fields.filter((x) => x.transform === 'abbreviatedName')) {
        const full = m.fields.filter((x) => x.zuora === f.zuora && x.transform !== 'abbreviatedName');
        expect(full.length, `${m.name}: ${f.zuora} -> ${f.salesforce}`).toBeGreaterThan(0);
      }
    }
  });

  it('reference only mapped objects, the CRM Account, or BillingEntity__c', () => {
    const objects = new Set([...objectMaps.map((m) => m.salesforceObject), 'Account', 'BillingEntity__c']);
    for (const m of objectMaps)
      for (const r of m.references) expect(objects, `${m.name} -> ${r.target}`).toContain(r.target);
  });

  it('cover every object and every field of the Zuora 360 reference tables, or say why not', () => {
    const tables = referenceTables();
    expect(tables.size).toBeGreaterThan(30);
    const gaps: string[] = [];
    for (const [object, fields] of tables) {
      const written = writtenFields(object);
      if (written.size === 0) {
        gaps.push(`${object}: no map`);
        continue;
      }
      const explained = unmappedReferenceFields[object] ?? {};
      for (const field of fields)
        if (!written.has(field) && !(field in explained)) gaps.push(`${object}.${field}`);
    }
    expect(gaps).toEqual([]);
  });

  it('keep the list of unmapped reference fields free of fields that are mapped after all', () => {
    const stale = Object.entries(unmappedReferenceFields).flatMap(([object, fields]) =>
      Object.keys(fields)
        .filter((f) => writtenFields(object).has(f))
        .map((f) => `${object}.${f}`),
    );
    expect(stale).toEqual([]);
  });

  it('cover the seed 003 catalog pairs', () => {
    const pairs = objectMaps.map((m) => `${m.zuoraObject}:${m.salesforceObject}`);
    for (const pair of [
      'Product:Product2',
      'Product:Product__c',
      'ProductRatePlan:ProductRatePlan__c',
      'ProductRatePlanCharge:ProductRatePlanCharge__c',
      'ProductRatePlanChargeTier:ProductRatePlanChargeTier__c',
      'Feature:ZFeature__c',
      'ProductFeature:ZProductFeature__c',
    ]) {
      expect(pairs).toContain(pair);
    }
  });
});

describe('docs/field-mappings.md', () => {
  it('is the rendering of the current maps (run npm run docs:render)', async () => {
    const target = join(here, '../../../docs/field-mappings.md');
    const options = (await prettier.resolveConfig(target)) ?? {};
    const expected = await prettier.format(renderFieldMappingsDoc(), { ...options, filepath: target });
    expect(readFileSync(target, 'utf8')).toBe(expected);
  });
});

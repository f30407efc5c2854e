// Zuora's managed-package API names -> this package's names (DESIGN.md: the namespace prefix is dropped).
// The documentation tables carry a few typos and names that are not legal once the prefix is gone; the
// corrections are listed here, as data, so the generator and the coverage check apply the same rule.

const NAMESPACE_PREFIX = /^(zuora|zqu)__/i;

/** Documented name (after prefix dropping) -> the name this package uses, with the reason. */
export const NAME_CORRECTIONS: ReadonlyMap<string, { name: string; why: string }> = new Map([
  [
    'Invoice__Balance__Amount__c',
    {
      name: 'Invoice_Balance_Amount__c',
      why: 'custom field names cannot contain "__" inside the name; Zuora 360 had Zuora__Invoice__Balance__Amount__c',
    },
  ],
  ['SyncStatus__chi', { name: 'SyncStatus__c', why: 'typo in the Feature table of the documentation' }],
]);

/** Strips an annotation such as "(External ID)" and whitespace from a documented API name. */
export function cleanDocumentedName(raw: string): { name: string; externalId: boolean } {
  const externalId = /\(external id\)/i.test(raw);
  const name = raw.replace(/\(.*?\)/g, '').replace(/\s+/g, '');
  return { name, externalId };
}

/**
 * The package's API name for a documented Zuora 360 name: `Zuora__CustomerAccount__c` -> `CustomerAccount__c`,
 * `zqu__ZuoraId__c` -> `ZuoraId__c`, `Name` -> `Name`. Returns null for an empty cell.
 */
export function toPackageName(raw: string): string | null {
  const { name } = cleanDocumentedName(raw);
  if (name === '') return null;
  const dropped = name.replace(NAMESPACE_PREFIX, '');
  return NAME_CORRECTIONS.get(dropped)?.name ?? dropped;
}

/** True for a name Salesforce accepts as a custom field or object API name (before the `__c` suffix). */
export function isLegalCustomName(apiName: string): boolean {
  const match = /^([A-Za-z][A-Za-z0-9_]*)__(c|mdt)$/.exec(apiName);
  if (!match?.[1]) return false;
  const base = match[1];
  return base.length <= 40 && !base.includes('__') && !base.endsWith('_');
}

// Salesforce record Ids: 3-character key prefix, 2-character instance, 1 reserved, 9-character base-62
// record number; the 18-character form adds a 3-character case-safe checksum.
// https://help.salesforce.com/s/articleView?id=000385008 (15 vs 18 character record IDs)

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const checksumAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The case-safe 18-character form of a 15-character Id. */
export function to18(id15: string): string {
  if (!/^[a-zA-Z0-9]{15}$/.test(id15)) throw new Error(`not a 15-character Salesforce Id: ${id15}`);
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += checksumAlphabet[bits];
  }
  // join builds one flat string; `id15 + suffix` would be a two-part cons string, about 20 bytes
  // more per Id an emulator holds (millions of them).
  return [id15, suffix].join('');
}

/**
 * Account record numbers a generated Zuora tenant's CRM IDs use (zuora/src/tenant/crm-ids.ts): valid ones from
 * here, ones that name no Account from TENANT_MISSING_CRM_ACCOUNT_BASE. Both blocks are far above the numbers
 * a Salesforce emulator hands out (from 1, one per record it holds in memory), so the CRM IDs and the Accounts
 * an org creates itself (a CPQ scenario's) are disjoint by construction; both stay below 2^30, the largest
 * record number the emulator's Id codec keeps as a number.
 */
export const TENANT_CRM_ACCOUNT_BASE = 600_000_000;
export const TENANT_MISSING_CRM_ACCOUNT_BASE = 1_000_000_000;

/** A deterministic 18-character Id for record number `n` of the object with `keyPrefix`. */
export function makeSalesforceId(keyPrefix: string, n: number, instance = '8d'): string {
  if (!/^[a-zA-Z0-9]{3}$/.test(keyPrefix)) throw new Error(`bad key prefix ${keyPrefix}`);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`bad record number ${n}`);
  let digits = '';
  let rest = n;
  do {
    digits = base62[rest % 62] + digits;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  if (digits.length > 9) throw new Error(`record number ${n} too large`);
  return to18(`${keyPrefix}${instance}0${digits.padStart(9, '0')}`);
}

/** True for a well-formed 15- or 18-character Id (the 18-character checksum is verified). */
export function isSalesforceId(value: string): boolean {
  if (/^[a-zA-Z0-9]{15}$/.test(value)) return true;
  return /^[a-zA-Z0-9]{18}$/.test(value) && to18(value.slice(0, 15)) === value;
}

/** Normalises 15- or 18-character Ids to the 18-character form (Salesforce accepts both). */
export function normalizeId(value: string): string {
  return value.length === 15 ? to18(value) : value;
}

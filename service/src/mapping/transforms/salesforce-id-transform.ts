// Zuora's CRM Account ID is a Salesforce Account Id typed by hand into Zuora: check its form and the
// 18-character checksum, and write the 18-character form.
// https://help.salesforce.com/s/articleView?id=000385008 (15 vs 18 character record IDs)
import { checksumAlphabet, isCanonical18 } from './salesforce-id-checksum.js';
import { describeValue, fail, isBlank, ok, type Transform } from './transform-result.js';

export function to18(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += checksumAlphabet[bits];
  }
  return id15 + suffix;
}

/**
 * The 18-character form of a 15/18-character Id, or undefined. An 18-character Id is case-insensitive:
 * its suffix records which of the first 15 characters are upper case, so the case is restored from it.
 */
export function canonicalSalesforceId(value: string): string | undefined {
  if (isCanonical18(value)) return value;
  if (/^[a-zA-Z0-9]{15}$/.test(value)) return to18(value);
  if (!/^[a-zA-Z0-9]{18}$/.test(value)) return undefined;
  // Already in its canonical case (the case of its first 15 characters is what its suffix records, as
  // Salesforce writes Ids): that form, without restoring it character by character.
  const canonical = to18(value.slice(0, 15));
  let same = true;
  for (let i = 15; i < 18 && same; i += 1) {
    const c = value.charCodeAt(i);
    same = (c >= 97 && c <= 122 ? c - 32 : c) === canonical.charCodeAt(i);
  }
  if (same) return canonical;
  let restored = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    const bits = checksumAlphabet.indexOf(value.charAt(15 + chunk).toUpperCase());
    if (bits < 0) return undefined;
    for (let i = 0; i < 5; i += 1) {
      const c = value.charAt(chunk * 5 + i);
      const upper = (bits & (1 << i)) !== 0;
      if (upper && !/[a-zA-Z]/.test(c)) return undefined;
      restored += upper ? c.toUpperCase() : c.toLowerCase();
    }
  }
  return to18(restored);
}

export const salesforceId: Transform = (value, field) => {
  if (isBlank(value)) return ok(null);
  const id = typeof value === 'string' ? canonicalSalesforceId(value.trim()) : undefined;
  if (id === undefined) {
    return fail(
      'INVALID_SALESFORCE_ID',
      `${field.name}: ${describeValue(value)} is not a 15- or 18-character Salesforce Id`,
    );
  }
  return ok(id);
};

// The checksum suffix of an 18-character Salesforce Id: which of the first 15 characters are upper case.
// https://help.salesforce.com/s/articleView?id=000385008 (15 vs 18 character record IDs)

export const checksumAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whether `value` is an 18-character Id exactly as Salesforce writes it (its suffix upper case and matching
 * the case of the first 15 characters): then it is its own canonical form, found with no string built. */
export function isCanonical18(value: string): boolean {
  if (value.length !== 18) return false;
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const c = value.charCodeAt(chunk * 5 + i);
      if (!isAlphanumeric(c)) return false;
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    if (value.charCodeAt(15 + chunk) !== checksumAlphabet.charCodeAt(bits)) return false;
  }
  return true;
}

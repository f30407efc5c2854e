// Salesforce record Ids: the 15-character case-sensitive form and the 18-character form with its checksum.
// https://help.salesforce.com/s/articleView?id=000385008&type=1
const checksumChars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character form of a Salesforce Id (the 15-character form plus its case checksum). */
export function salesforceId18(id: string): string {
  if (id.length !== 15) return id;
  let suffix = '';
  for (let i = 0; i < 3; i += 1) {
    let flags = 0;
    for (let j = 0; j < 5; j += 1) {
      const c = id.charAt(i * 5 + j);
      if (c >= 'A' && c <= 'Z') flags += 1 << j;
    }
    suffix += checksumChars.charAt(flags);
  }
  return id + suffix;
}

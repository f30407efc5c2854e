// Key prefixes: the first three characters of every record Id, which tell the object apart.
// Standard objects use their real prefixes
// (https://help.salesforce.com/s/articleView?id=000385203 "Standard Field Record Id Prefix Decoder");
// custom objects get a stable prefix derived from their API name, as an org assigns one per object.

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** FNV-1a over the lower-cased name: stable across runs and machines. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (const ch of name.toLowerCase()) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** `a` + two base-62 characters from the name's hash; probes onward if taken. */
export function customKeyPrefix(name: string, taken: Set<string>): string {
  const space = 62 * 62;
  const start = hashName(name) % space;
  for (let i = 0; i < space; i += 1) {
    const n = (start + i) % space;
    const prefix = `a${base62[Math.floor(n / 62)]}${base62[n % 62]}`;
    if (!taken.has(prefix)) return prefix;
  }
  throw new Error('no free custom key prefix');
}

/** Platform events use `e` prefixes in an org; the emulator derives them the same way. */
export function eventKeyPrefix(name: string, taken: Set<string>): string {
  return `e${customKeyPrefix(name, taken).slice(1)}`;
}

// Keys read from the store in one text (store/held-keys.ts: one aggregate of a part's open failures), each
// after its length and a mark, found again without copying any of them: the text becomes the key set's own
// (key-set.ts). The length is in UTF-8 bytes, as PostgreSQL's octet_length counts them whatever the text.
import type { PackedKeys } from './key-set.js';

/**
 * The spans of the `count` keys in `text`, each `<its length in UTF-8 bytes><':', or '!' when marked><key>`.
 * Where the text is ASCII (Zuora ids) a byte is a character; elsewhere the characters are counted by their bytes.
 */
export function unpackKeys(text: string, count: number): PackedKeys {
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const marks = new Uint8Array(count);
  const ascii = !/[\u0080-\uffff]/.test(text);
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    let bytes = 0;
    let c = text.charCodeAt(at);
    for (; c >= 0x30 && c <= 0x39; c = text.charCodeAt((at += 1))) bytes = bytes * 10 + c - 0x30;
    if (c !== 0x3a && c !== 0x21) throw new Error(`packed keys: no length and mark at ${String(at)}`);
    marks[i] = c === 0x21 ? 1 : 0;
    starts[i] = at + 1;
    at = ascii ? at + 1 + bytes : utf16End(text, at + 1, bytes);
    if (at > text.length) throw new Error('packed keys: the text ends inside a key');
    ends[i] = at;
  }
  if (at !== text.length) throw new Error(`packed keys: more than ${String(count)} keys`);
  return { text, starts, ends, marks };
}

/** Where the characters of `bytes` UTF-8 bytes starting at `from` end; past the text's end when it ends first. */
function utf16End(text: string, from: number, bytes: number): number {
  let at = from;
  for (let left = bytes; left > 0; at += 1) {
    if (at >= text.length) return text.length + 1;
    const c = text.charCodeAt(at);
    if (c < 0x80) left -= 1;
    else if (c < 0x800) left -= 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      // A surrogate pair: one character of four bytes.
      left -= 4;
      at += 1;
    } else left -= 3;
  }
  return at;
}

import type { LikeUnit } from './soql-ast.js';
import { queryError } from './soql-error.js';

// Quoted string escapes: \n \r \t \b \f (either case), \" \' \\ and \uXXXX; `\_` and `\%` only in a
// LIKE pattern; "If you use a backslash character in any other context, an error occurs."
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm

const simple: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
};

function illegal(raw: string, sequence: string, soql: string, pos: number): never {
  // Wording of the emulator's own: the documentation only says that an error occurs.
  throw queryError(
    'MALFORMED_QUERY',
    `Invalid string literal '${raw}'. Illegal character sequence '${sequence}' in string literal.`,
    soql,
    pos,
  );
}

/** Decodes a literal; `like` keeps `\%` and `\_` as literal characters and the bare ones as wildcards. */
function decode(raw: string, like: boolean, soql: string, pos: number): LikeUnit[] {
  const out: LikeUnit[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const ch = raw[i] as string;
    if (ch !== '\\') {
      out.push(like && (ch === '%' || ch === '_') ? { wildcard: ch } : ch);
      continue;
    }
    const next = raw[i + 1] ?? '';
    i += 1;
    const mapped = simple[next.toLowerCase()];
    if (mapped !== undefined) {
      out.push(mapped);
    } else if (like && (next === '%' || next === '_')) {
      out.push(next);
    } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 1, i + 5))) {
      out.push(String.fromCharCode(Number.parseInt(raw.slice(i + 1, i + 5), 16)));
      i += 4;
    } else {
      illegal(raw, `\\${next}`, soql, pos);
    }
  }
  return out;
}

export function decodeString(raw: string, soql: string, pos: number): string {
  // Without LIKE, no unit is a wildcard.
  return decode(raw, false, soql, pos)
    .map((u) => (typeof u === 'string' ? u : u.wildcard))
    .join('');
}

export function decodeLikePattern(raw: string, soql: string, pos: number): LikeUnit[] {
  return decode(raw, true, soql, pos);
}

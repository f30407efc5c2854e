import type { LikeUnit } from './soql-ast.js';

// LIKE matching without regular expressions: the pattern is split at `%` into segments; the first
// is anchored at the start, the last at the end, and each middle one is found leftmost after the
// previous match, which is enough for `%`. Time is linear in the text per segment, so no pattern can
// make a query spin. Matching is case-insensitive, as SOQL's LIKE is.
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm

/** A segment between `%` wildcards: characters, with null for `_` (any one character). */
type Segment = Array<string | null>;

function segmentsOf(units: LikeUnit[]): Segment[] {
  const segments: Segment[] = [[]];
  for (const unit of units) {
    if (typeof unit === 'string') (segments.at(-1) as Segment).push(unit.toLowerCase());
    else if (unit.wildcard === '_') (segments.at(-1) as Segment).push(null);
    else segments.push([]);
  }
  return segments;
}

function matchesAt(text: string, at: number, segment: Segment): boolean {
  if (at < 0 || at + segment.length > text.length) return false;
  for (let k = 0; k < segment.length; k += 1) {
    const want = segment[k];
    if (want !== null && text[at + k] !== want) return false;
  }
  return true;
}

function findFrom(text: string, segment: Segment, from: number, end: number): number {
  if (!segment.includes(null)) {
    const at = text.indexOf(segment.join(''), from);
    return at >= 0 && at + segment.length <= end ? at : -1;
  }
  for (let at = from; at + segment.length <= end; at += 1) if (matchesAt(text, at, segment)) return at;
  return -1;
}

export function likeMatcher(units: LikeUnit[]): (value: string) => boolean {
  const segments = segmentsOf(units);
  const head = segments[0] as Segment;
  const tail = segments.at(-1) as Segment;
  const middle = segments.slice(1, -1);
  return (value) => {
    const text = value.toLowerCase();
    if (segments.length === 1) return text.length === head.length && matchesAt(text, 0, head);
    if (head.length + tail.length > text.length) return false;
    if (!matchesAt(text, 0, head) || !matchesAt(text, text.length - tail.length, tail)) return false;
    let from = head.length;
    const end = text.length - tail.length;
    for (const segment of middle) {
      const at = findFrom(text, segment, from, end);
      if (at < 0) return false;
      from = at + segment.length;
    }
    return true;
  };
}

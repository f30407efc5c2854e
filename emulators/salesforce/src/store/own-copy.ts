// A string that shares no memory with the text it was cut from. V8 represents a slice of 13 or more
// characters as a pointer into its parent, so one stored value cut from a Bulk upload would keep the
// whole upload (tens of megabytes) alive. Shorter slices are copies already.

const SLICE_MIN_LENGTH = 13;

export function ownCopy<T>(value: T): T {
  if (typeof value !== 'string' || value.length < SLICE_MIN_LENGTH) return value;
  // JSON.parse allocates a new flat string for a string literal.
  return JSON.parse(JSON.stringify(value)) as T;
}

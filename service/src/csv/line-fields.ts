/** Where the fields of one CSV line are in the bytes it was read from (csv-line-reader.ts): field i from
 * `starts[i]` to before `ends[i]`, for i below `count`. Reused from line to line: read it, never keep it. */
export interface LineFields {
  bytes: Buffer;
  /** A view of the whole ArrayBuffer under `bytes` (at `bytes.byteOffset`). */
  view: DataView;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  count: number;
}

/** Where a line is written as bytes (mapping/compiled-bytes.ts), with a view of the buffer's memory. */
export interface LineOut {
  readonly bytes: Buffer;
  readonly view: DataView;
}

/** A line buffer of `size` bytes. */
export function lineOut(size: number): LineOut {
  const bytes = Buffer.alloc(size);
  return { bytes, view: new DataView(bytes.buffer, bytes.byteOffset, size) };
}

// The packed tables' Id -> row index holds a client's own Ids whose record number is far beyond the table's
// size (the Zuora tenant's CRM Account Ids start at record number 600,000,000) without growing its dense
// number -> row array to that number: one such Id once cost 4 GB of memory in every emulator that seeded it.
import { describe, expect, it } from 'vitest';
import { IdCodec } from '../src/store/id-codec.js';
import { RowIds } from '../src/store/row-ids.js';

describe('RowIds', () => {
  it('keeps far record numbers out of the dense array, and still finds, names and frees them', () => {
    const codec = new IdCodec('001');
    const ids = new RowIds(codec);
    const before = process.memoryUsage().arrayBuffers;
    const near = codec.idOf(5);
    const far = codec.idOf(600_000_000);
    const farther = codec.idOf(1_000_000_000);
    const rows = [near, far, farther].map((id) => ids.claim(id));
    expect(rows).toEqual([0, 1, 2]);
    // Typed arrays grew by kilobytes, not by gigabytes (600,000,000 x 4 bytes).
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
    expect([near, far, farther].map((id) => ids.rowOf(id))).toEqual([0, 1, 2]);
    expect([0, 1, 2].map((row) => ids.idOf(row))).toEqual([near, far, farther]);
    expect(ids.claim(far)).toBe(1);
    expect(ids.release(far)).toBe(1);
    expect(ids.rowOf(far)).toBe(-1);
    expect(ids.idOf(1)).toBeNull();
    expect(ids.rowOf(near)).toBe(0);
    expect(ids.size).toBe(2);
  });
});

import type { FieldDef } from '../schema/schema-types.js';
import type { SfValue } from './sf-error.js';

// Index of one unique or external-ID field. External IDs that are not unique can match several
// records (upsert answers 300 Multiple Choices then), so an entry may hold a list.

export class UniqueIndex {
  private readonly entries = new Map<string, string | string[]>();

  constructor(readonly field: FieldDef) {}

  key(value: SfValue): string | null {
    if (value === null || value === '') return null;
    const text = String(value);
    return this.field.caseSensitive ? text : text.toLowerCase();
  }

  find(value: SfValue): string[] {
    const key = this.key(value);
    const hit = key === null ? undefined : this.entries.get(key);
    return hit === undefined ? [] : typeof hit === 'string' ? [hit] : hit;
  }

  /** An Id other than `selfId` holding `value`, without allocating (the hot path of inserts). */
  other(value: SfValue, selfId: string | null): string | undefined {
    const key = this.key(value);
    const hit = key === null ? undefined : this.entries.get(key);
    if (hit === undefined || typeof hit === 'string') return hit === selfId ? undefined : hit;
    return hit.find((id) => id !== selfId);
  }

  add(value: SfValue, id: string): void {
    const key = this.key(value);
    if (key === null) return;
    const hit = this.entries.get(key);
    if (hit === undefined) this.entries.set(key, id);
    else this.entries.set(key, typeof hit === 'string' ? [hit, id] : [...hit, id]);
  }

  remove(value: SfValue, id: string): void {
    const key = this.key(value);
    if (key === null) return;
    const hit = this.entries.get(key);
    if (hit === id) this.entries.delete(key);
    else if (Array.isArray(hit)) {
      const rest = hit.filter((x) => x !== id);
      if (rest.length === 0) this.entries.delete(key);
      else this.entries.set(key, rest.length === 1 ? (rest[0] as string) : rest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

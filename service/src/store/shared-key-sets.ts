// Key sets read once for the readers that ask for the same one at the same time (turbo/screen-basis.ts: the
// spool parts being screened against one parent's open failures). At L, TaxationItem__c, CreditMemoItem__c and
// DebitMemoItem__c parts were each reading InvoiceItem__c's 72,000 open failures into a 4 MB set of their own,
// four at once. A set is kept only as long as a reader holds it (a weak reference), so sharing never holds one
// longer than before; the caller asks only for sets that cannot change while it reads (a parent already loaded).
import type { KeySet } from './key-set.js';

export class SharedKeySets {
  readonly #sets = new Map<string, Promise<KeySet> | WeakRef<KeySet>>();

  /** The set under `name`: the one a reader holds or is reading now, else `read()`. */
  async get(name: string, read: () => Promise<KeySet>): Promise<KeySet> {
    const held = this.#sets.get(name);
    if (held instanceof Promise) return held;
    const alive = held?.deref();
    if (alive !== undefined) return alive;
    const reading = read();
    this.#sets.set(name, reading);
    try {
      const set = await reading;
      this.#sets.set(name, new WeakRef(set));
      return set;
    } catch (error) {
      this.#sets.delete(name);
      throw error;
    }
  }
}

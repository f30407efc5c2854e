// Content checksums per billing account, one for each side: every record of an account hashed over the
// compared columns in their canonical form (compare/field-values.ts), the hashes combined by XOR so the order
// records are read in does not matter. Equal checksums: the account's records match; different: it drifted.
import { hash } from 'node:crypto';
import type { SalesforceSchema } from '../mapping/salesforce-schema.js';
import { canonical } from './field-values.js';

export interface AccountSums {
  zuora: bigint;
  salesforce: bigint;
}

export class AccountChecksums {
  readonly #schema: SalesforceSchema;
  readonly sums = new Map<string, AccountSums>();

  constructor(schema: SalesforceSchema) {
    this.#schema = schema;
  }

  /** Adds one record of `account` on one side, hashed over `columns` (the columns the mapping writes). */
  add(
    side: keyof AccountSums,
    account: string,
    object: string,
    key: string,
    columns: readonly string[],
    values: Readonly<Record<string, unknown>>,
  ): void {
    this.xor(side, account, this.hashOf(object, key, columns, values));
  }

  /** One record's hash over `columns` (their canonical text, so values `sameValue` finds equal hash alike). */
  hashOf(
    object: string,
    key: string,
    columns: readonly string[],
    values: Readonly<Record<string, unknown>>,
  ): bigint {
    const fields = this.#schema.get(object)?.fields;
    // One string hashed once (a call into the hash per column cost more than the hashing).
    let text = `${object}\u0000${key}`;
    for (const c of columns)
      text += `\u0000${c}=${canonical(c.includes('.') ? undefined : fields?.get(c), values[c])}`;
    return hash('sha1', text, 'buffer').readBigUInt64BE(0);
  }

  /** Adds a record's hash to one side of its account's sums. */
  xor(side: keyof AccountSums, account: string, value: bigint): void {
    const sums = this.sums.get(account) ?? { zuora: 0n, salesforce: 0n };
    sums[side] ^= value;
    this.sums.set(account, sums);
  }

  /** The accounts whose two checksums differ, each with both (hex). */
  drifted(): Record<string, { zuora: string; salesforce: string }> {
    const out: Record<string, { zuora: string; salesforce: string }> = {};
    for (const [account, s] of this.sums)
      if (s.zuora !== s.salesforce)
        out[account] = { zuora: s.zuora.toString(16), salesforce: s.salesforce.toString(16) };
    return out;
  }
}

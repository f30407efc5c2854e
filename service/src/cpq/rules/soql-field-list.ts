// What the SOQL field lists share: the list type (names of a record type's fields) and the address
// components of a compound address.

export type Fields<T> = readonly (keyof T & string)[];

export const address = <P extends 'Billing' | 'Shipping' | 'Mailing'>(p: P) =>
  [`${p}Street`, `${p}City`, `${p}State`, `${p}PostalCode`, `${p}Country`] as const;

/** `SELECT <fields>` text of a field list. */
export function selectClause(fields: readonly string[]): string {
  return `SELECT ${fields.join(', ')}`;
}

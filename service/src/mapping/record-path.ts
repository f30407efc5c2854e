// Reads a value from a Zuora record by field name or dotted join path. Extraction may deliver joins
// flat (`{"BillToContact.City": ...}`, as export CSV headers name them) or nested
// (`{"BillToContact": {"City": ...}}`); both work.
export type ZuoraRecord = Readonly<Record<string, unknown>>;

export type Accessor = (record: ZuoraRecord) => unknown;

export function accessor(path: string): Accessor {
  const parts = path.split('.');
  if (parts.length === 1) return (record) => record[path];
  return (record) => {
    if (path in record) return record[path];
    let node: unknown = record;
    for (const part of parts) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return node;
  };
}

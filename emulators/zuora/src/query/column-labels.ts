// Column headers of export files. With useQueryLabels=true AQuA writes API names, `<Object>.<Field>` for the
// object's own fields and joined ones alike; without it, labels: `Account: Name`, `Bill To: ID`, as in the
// export-deleted-data examples:
// https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/post-query/export-deleted-data/json-examples
// https://developer.zuora.com/v1-api-reference/api/operation/POST_BatchQueryJob/ (useQueryLabels)
const special: Record<string, string> = {
  BillToContact: 'Bill To',
  SoldToContact: 'Sold To',
  BillTo: 'Bill To',
  SoldTo: 'Sold To',
};

const cache = new Map<string, string>();

/** `InvoiceItem` -> `Invoice Item`, `Id` -> `ID`, `CrmId` -> `Crm ID` (names are few: kept once computed). */
export function humanize(name: string): string {
  const known = special[name] ?? cache.get(name);
  if (known !== undefined) return known;
  const label = name
    .replace(/__c$/i, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(' ')
    .map((w) => (w === 'Id' ? 'ID' : w))
    .join(' ');
  if (cache.size < 10_000) cache.set(name, label);
  return label;
}

export function labelHeader(objectOrJoin: string, field: string): string {
  return `${humanize(objectOrJoin)}: ${humanize(field)}`;
}

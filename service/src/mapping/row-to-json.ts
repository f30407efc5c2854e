// A mapped row as a REST record, the form sObject Collections take. It reads as the Bulk path's CSV does: a
// `Rel__r.Key__c` column nests as `{ Rel__r: { Key__c: value } }`; a blank reference is left out (the lookup
// is unchanged, as an empty CSV cell leaves it); a blank field is null (cleared, as `#N/A` clears it).
import type { Row } from './record-mapper.js';

export function rowToJson(row: Row): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    const dot = column.indexOf('.');
    if (dot < 0) {
      json[column] = value;
      continue;
    }
    if (value === null || value === '') continue;
    json[column.slice(0, dot)] = { [column.slice(dot + 1)]: value };
  }
  return json;
}

// The header line of an AQuA file. With useQueryLabels=true Zuora writes API names (`Account.Id`,
// `BillToContact.Id`); without it, labels (`Account: ID`, `Bill To: ID`); the deleted column is
// `<Object>.<column>`. An alias names its column unless it repeats the full column name (case-insensitive),
// when the full name is kept. The emulator's default `as-written` style repeats each field as the query
// wrote it when useQueryLabels=true, which is what this project's service reads today (see the README).
// https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/post-query/export-deleted-data/json-examples ;
// https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/export-zoql/export-zoql-clauses/export-zoql-clause-limits
import type { ObjectName } from '../model/object-definitions.js';
import type { Column } from '../query/select-columns.js';

export type AquaHeaderStyle = 'api-names' | 'as-written';

export function columnHeader(c: Column, useQueryLabels: boolean, style: AquaHeaderStyle): string {
  if (c.alias !== null && c.alias.toLowerCase() !== c.qualified.toLowerCase()) return c.alias;
  if (c.alias !== null) return c.qualified;
  if (!useQueryLabels) return c.title;
  return style === 'api-names' ? c.qualified : c.reference;
}

export function deletedHeader(
  object: ObjectName,
  column: string,
  useQueryLabels: boolean,
  style: AquaHeaderStyle,
): string {
  return useQueryLabels && style === 'as-written' ? column : `${object}.${column}`;
}

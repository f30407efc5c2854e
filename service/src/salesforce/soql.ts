// SOQL string literals: single quotes around, backslashes and quotes escaped.
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Values as the list of an `IN (...)` condition. */
export function soqlList(values: readonly string[]): string {
  return values.map(soqlString).join(', ');
}

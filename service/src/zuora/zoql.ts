// ZOQL through the Action API: POST /v1/action/query, then POST /v1/action/queryMore with the locator
// until `done`. Zuora returns at most 2,000 records a page; locators expire, so pages are read promptly.
// https://developer.zuora.com/v1-api-reference/api/operation/Action_POSTquery/
import type { ZuoraClient } from './zuora-client.js';

export type ZuoraRecord = Record<string, unknown>;

interface QueryPage {
  records?: ZuoraRecord[];
  done: boolean;
  queryLocator?: string;
  size?: number;
}

export interface ZoqlOptions {
  readonly entityId?: string | undefined;
  /** Records per page (1..2000); Zuora's default is 2000. */
  readonly batchSize?: number;
}

export async function* zoqlPages(
  client: ZuoraClient,
  zoql: string,
  options: ZoqlOptions = {},
): AsyncGenerator<ZuoraRecord[]> {
  const conf = options.batchSize === undefined ? {} : { conf: { batchSize: options.batchSize } };
  let page = await client.request<QueryPage>('POST', '/v1/action/query', {
    json: { queryString: zoql, ...conf },
    entityId: options.entityId,
  });
  for (;;) {
    yield page.records ?? [];
    if (page.done || page.queryLocator === undefined) return;
    page = await client.request<QueryPage>('POST', '/v1/action/queryMore', {
      json: { queryLocator: page.queryLocator, ...conf },
      entityId: options.entityId,
    });
  }
}

/** Quotes a value for a ZOQL string literal (single quotes, backslash-escaped). */
export function zoqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** ZOQL takes at most 200 conditions in a WHERE clause; id lists are cut to 190, leaving room for the rest.
 * https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/aqua-api-error-codes */
export const maxWhereConditions = 190;

/** Ids in lists of at most `maxWhereConditions`, one list per query. */
export function whereChunks<T>(ids: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < ids.length; i += maxWhereConditions) out.push(ids.slice(i, i + maxWhereConditions));
  return out;
}

/** A Zuora id (or a Salesforce Id) as a ZOQL literal: anything but letters and digits is dropped. */
export function zoqlId(id: string): string {
  return `'${id.replace(/[^A-Za-z0-9]/g, '')}'`;
}

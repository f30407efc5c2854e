// Several SOQL queries in one Composite call (at most 5 query operations a call), each followed to its
// last page; the records come back by name. Used to read many orders' bundles in a few calls.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_composite.htm
import {
  dataPath,
  sendComposite,
  type CallCounter,
  type CompositeWriter,
} from '../salesforce/composite-request.js';

export type SfRecord = Record<string, unknown>;

interface QueryAnswer {
  records?: SfRecord[];
  done?: boolean;
  nextRecordsUrl?: string;
}

/** Runs `queries` (name -> SOQL; empty strings are skipped) five a call; answers name -> records. */
export async function queryAll(
  writer: CompositeWriter,
  counter: CallCounter,
  queries: Readonly<Record<string, string>>,
): Promise<Record<string, SfRecord[]>> {
  const out: Record<string, SfRecord[]> = {};
  const named = Object.entries(queries).filter(([, soql]) => soql !== '');
  for (const [name] of Object.entries(queries)) out[name] = [];
  for (let i = 0; i < named.length; i += 5) {
    const chunk = named.slice(i, i + 5);
    const { responses } = await sendComposite(
      writer,
      counter,
      chunk.map(([name, soql]) => ({
        method: 'GET' as const,
        url: dataPath(writer.conn, `/query?q=${encodeURIComponent(soql)}`),
        referenceId: name,
      })),
    );
    for (const r of responses) {
      if (r.httpStatusCode >= 300) {
        const body = r.body as { message?: string; errorCode?: string }[] | undefined;
        throw new Error(
          `Salesforce refused the ${r.referenceId} query: ${body?.[0]?.errorCode ?? r.httpStatusCode} ${body?.[0]?.message ?? ''}`,
        );
      }
      out[r.referenceId] = await allPages(writer, counter, r.body as QueryAnswer);
    }
  }
  return out;
}

async function allPages(
  writer: CompositeWriter,
  counter: CallCounter,
  first: QueryAnswer,
): Promise<SfRecord[]> {
  const records = [...(first.records ?? [])];
  let next = first.done === false ? first.nextRecordsUrl : undefined;
  while (next !== undefined) {
    counter.calls += 1;
    const page = await writer.conn.request<QueryAnswer>(next);
    records.push(...(page.records ?? []));
    next = page.done === false ? page.nextRecordsUrl : undefined;
  }
  return records.map(({ attributes: _a, ...rest }) => rest);
}

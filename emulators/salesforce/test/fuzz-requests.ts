import {
  adversarialSoql,
  billionLaughs,
  csv,
  mutate,
  nestedTree,
  pick,
  record,
  sosl,
  soql,
  type Rng,
} from './fuzz-inputs.js';

// Random requests for the fuzz test, one generator per resource family; `ctx` carries the Ids the
// run has seen (an account, the Bulk jobs created so far) so later requests can aim at them.

export interface Attempt {
  method: string;
  path: string;
  body?: string;
  type?: string;
  headers?: Record<string, string>;
}

const v = '/services/data/v62.0';
const enc = encodeURIComponent;

export interface FuzzContext {
  accountId: string;
  jobIds: string[];
}

const jsonOf = (r: Rng) => (body: unknown) =>
  r() < 0.1 ? mutate(r, JSON.stringify(body)) : JSON.stringify(body);

/** SOQL, SOSL and parameterized search. */
function queryRequest(r: Rng): Attempt {
  switch (Math.floor(r() * 3)) {
    case 0:
      return {
        method: 'GET',
        path: `${v}/${pick(r, ['query', 'queryAll'])}?q=${enc(soql(r))}${r() < 0.2 ? '&columns=true' : ''}`,
      };
    case 1:
      return { method: 'GET', path: `${v}/search?q=${enc(sosl(r))}` };
    default:
      return {
        method: 'GET',
        path: `${v}/parameterizedSearch?q=${enc(pick(r, ['acme', 'a', '', '{x}']))}&sobject=${pick(r, ['Account', 'Nope'])}&Account.where=${enc(mutate(r, "Name != 'x'"))}&Account.limit=${pick(r, ['1', '-1', 'x'])}`,
      };
  }
}

/** sObject rows, external IDs and replication. */
function recordRequest(r: Rng, ctx: FuzzContext): Attempt {
  const json = jsonOf(r);
  switch (Math.floor(r() * 4)) {
    case 0:
      return {
        method: 'POST',
        path: `${v}/sobjects/${pick(r, ['Account', 'CustomerAccount__c', 'Sync_Event__e', 'Sync_Setting__mdt', 'Nope'])}`,
        body: json(record(r)),
      };
    case 1:
      return {
        method: pick(r, ['PATCH', 'GET', 'DELETE']),
        path: `${v}/sobjects/Account/${pick(r, [ctx.accountId, ctx.accountId.slice(0, 15), 'x', '%00', '001%2F..'])}`,
        body: json(record(r)),
        headers: { 'if-unmodified-since': pick(r, ['garbage', new Date().toUTCString()]) },
      };
    case 2:
      return {
        method: pick(r, ['PATCH', 'GET', 'DELETE']),
        path: `${v}/sobjects/CustomerAccount__c/${pick(r, ['External_Id__c', 'Name', 'Id', 'Nope'])}/${pick(r, ['Z%2500', '%E2%82%AC', 'a%2Fb', '%25', ctx.accountId])}?updateOnly=${pick(r, ['true', 'x'])}`,
        body: json(record(r)),
      };
    default:
      return {
        method: 'GET',
        path: `${v}/sobjects/${pick(r, ['Account', 'Sync_Setting__mdt'])}/${pick(r, ['updated', 'deleted'])}/?start=${enc(pick(r, ['2024-01-01T00:00:00Z', 'x', '', new Date(Date.now() - 3_600_000).toISOString()]))}&end=${enc(pick(r, ['2099-01-01T00:00:00+00:00', 'y', new Date().toISOString()]))}`,
      };
  }
}

/** Collections, Composite, Composite Batch, sObject Tree and retrieve. */
function compositeRequest(r: Rng, ctx: FuzzContext): Attempt {
  const json = jsonOf(r);
  switch (Math.floor(r() * 5)) {
    case 0:
      return {
        method: pick(r, ['POST', 'PATCH']),
        path: `${v}/composite/sobjects${r() < 0.5 ? '/CustomerAccount__c/External_Id__c' : ''}`,
        body: json({
          allOrNone: r() < 0.5,
          records: Array.from({ length: Math.floor(r() * 4) }, () => record(r)),
        }),
      };
    case 1:
      return {
        method: 'POST',
        path: `${v}/composite`,
        body: json({
          allOrNone: r() < 0.5,
          compositeRequest: [
            {
              method: pick(r, ['GET', 'POST', 'PUT', 'TRACE']),
              url: pick(r, [
                `${v}/sobjects/Account`,
                `${v}/query?q=${enc(soql(r))}`,
                '@{r0.id}',
                'http://evil/',
                `${v}/composite`,
              ]),
              referenceId: pick(r, ['r0', 'r0', '']),
              body: record(r),
              httpHeaders: { a: pick(r, ['x', {}, 5]) },
            },
            { method: 'GET', url: `${v}/sobjects/Account/@{r0.id}`, referenceId: 'r1' },
          ],
        }),
      };
    case 2:
      return {
        method: 'POST',
        path: `${v}/composite/batch`,
        body: json({
          haltOnError: r() < 0.5,
          batchRequests: [
            {
              method: pick(r, ['GET', 'PATCH', 'X']),
              url: pick(r, ['v62.0/limits', `v62.0/query?q=${enc(soql(r))}`, '../../__emulator/stats', '']),
              richInput: record(r),
            },
          ],
        }),
      };
    case 3:
      return {
        method: 'POST',
        path: `${v}/composite/tree/${pick(r, ['Account', 'Contact', 'Nope'])}`,
        body: json(r() < 0.5 ? nestedTree(Math.floor(r() * 12)) : { records: [record(r), record(r)] }),
      };
    default:
      return {
        method: pick(r, ['GET', 'POST']),
        path: `${v}/composite/sobjects/${pick(r, ['Account', 'Nope'])}?ids=${enc(pick(r, [ctx.accountId, 'x,,', ''.padEnd(3000, 'a,')]))}&fields=${pick(r, ['Name', 'Nope', ''])}`,
        body: json({
          ids: pick(r, [[ctx.accountId], 'x', [null], []]),
          fields: pick(r, [['Name'], [5], 'Name']),
        }),
      };
  }
}

/** Bulk API 2.0 and 1.0. */
function bulkRequest(r: Rng, ctx: FuzzContext): Attempt {
  const json = jsonOf(r);
  switch (Math.floor(r() * 2)) {
    case 0: {
      const jobId = ctx.jobIds.length > 0 ? pick(r, ctx.jobIds) : 'x';
      return pick(r, [
        {
          method: 'POST',
          path: `${v}/jobs/ingest`,
          body: json({
            object: pick(r, ['Account', 'CustomerAccount__c', 'Nope']),
            operation: pick(r, ['insert', 'upsert', 'x']),
            externalIdFieldName: pick(r, ['External_Id__c', 'Name']),
            columnDelimiter: pick(r, ['COMMA', 'TAB', 'x']),
            lineEnding: pick(r, ['LF', 'CRLF', 'x']),
          }),
        },
        { method: 'PUT', path: `${v}/jobs/ingest/${jobId}/batches`, body: csv(r), type: 'text/csv' },
        {
          method: 'PATCH',
          path: `${v}/jobs/ingest/${jobId}`,
          body: json({ state: pick(r, ['UploadComplete', 'Aborted', 'JobComplete']) }),
        },
        {
          method: 'GET',
          path: `${v}/jobs/ingest/${jobId}/${pick(r, ['successfulResults', 'failedResults', 'unprocessedrecords'])}`,
        },
        {
          method: 'POST',
          path: `${v}/jobs/query`,
          body: json({ operation: pick(r, ['query', 'queryAll']), query: soql(r) }),
        },
        {
          method: 'GET',
          path: `${pick(r, [v, '/services/data/v61.0'])}/jobs/query/${jobId}/results?locator=${pick(r, ['', 'MTA', '!!', '-1'])}&maxRecords=${pick(r, ['1', '0', 'x'])}`,
        },
      ]);
    }
    default:
      return pick(r, [
        {
          method: 'POST',
          path: '/services/async/62.0/job',
          body: pick(r, [
            billionLaughs,
            '<jobInfo><operation>insert</operation><object>Account</object><contentType>CSV</contentType></jobInfo>',
            '<jobInfo',
            '{}',
            mutate(r, '<jobInfo><operation>query</operation></jobInfo>'),
          ]),
          type: pick(r, ['application/xml', 'application/json']),
        },
        {
          method: 'POST',
          path: `/services/async/62.0/job/${ctx.jobIds.length > 0 ? pick(r, ctx.jobIds) : 'x'}/batch`,
          body: pick(r, [
            csv(r),
            soql(r),
            '<sObjects><sObject><Name>x</Name></sObject></sObjects>',
            '[{"Name":null}]',
          ]),
          type: pick(r, ['text/csv', 'application/xml', 'application/json']),
        },
      ]);
  }
}

/** OAuth and mutated paths, methods and headers. */
function otherRequest(r: Rng): Attempt {
  switch (Math.floor(r() * 2)) {
    case 0:
      return {
        method: 'POST',
        path: '/services/oauth2/token',
        body: pick(r, [
          'grant_type=password&username=%00',
          'grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=a.b.c',
          'grant_type=client_credentials',
          '%%%',
        ]),
        type: 'application/x-www-form-urlencoded',
        headers: { authorization: pick(r, ['Basic %%%', 'Basic Og==', 'Bearer x']) },
      };
    default:
      return {
        method: pick(r, ['GET', 'POST', 'PUT', 'OPTIONS', 'HEAD']),
        path: mutate(
          r,
          pick(r, [
            `${v}/sobjects/Account/describe`,
            '/services/data/v20.0/limits',
            '/%5F%5Femulator/stats',
            `${v}/`,
            '/services/data',
          ]),
        ),
        body: pick(r, ['[[[[[[', '{"a":', `${'['.repeat(50_000)}${']'.repeat(50_000)}`, '']),
        headers: {
          'if-modified-since': pick(r, ['Mon, 01 Jan 2099 00:00:00 GMT', 'garbage']),
          'content-type': pick(r, ['application/json', 'text/plain', 'x/y;;;']),
        },
      };
  }
}

export function requestFor(r: Rng, ctx: FuzzContext): Attempt {
  return pick(r, [queryRequest, recordRequest, compositeRequest, bulkRequest, otherRequest])(r, ctx);
}

/** The adversarial queries first, as GET requests. */
export function adversarialRequests(): Attempt[] {
  return adversarialSoql().map((q) => ({
    method: 'GET',
    path: q.startsWith('FIND') ? `${v}/search?q=${enc(q)}` : `${v}/query?q=${enc(q)}`,
  }));
}

// Random Object Query parameters, request bodies and paths for the emulator fuzz test.
import type { SeededRandom } from '../src/tenant/seeded-random.js';
import { randomQuery, tokenSoup } from './fuzz-queries.js';

export interface FuzzRequest {
  label: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: string;
  contentType?: string;
}

function randomJson(r: SeededRandom, depth = 0): unknown {
  const kind = r.int(0, depth > 3 ? 4 : 6);
  if (kind === 0) return null;
  if (kind === 1) return r.pick([0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER]);
  if (kind === 2) return r.pick(['', 'x', randomQuery(r), 'csv', 'zoqlexport', '1.1', 'true', '2025-02-30']);
  if (kind === 3) return r.chance(0.5);
  if (kind === 4) return [];
  if (kind === 5) return Array.from({ length: r.int(0, 3) }, () => randomJson(r, depth + 1));
  const keys = [
    'queryString',
    'conf',
    'batchSize',
    'queryLocator',
    'queries',
    'name',
    'query',
    'type',
    'format',
    'version',
    'deleted',
    'column',
    'partner',
    'project',
    'incrementalTime',
    'Query',
    'Format',
    'Zip',
    'outputFormat',
    'compression',
    'output',
    'target',
    'orderDate',
    'subscriptions',
    'orderLineItems',
    '__proto__',
    'constructor',
    'Name',
  ];
  return Object.fromEntries(
    Array.from({ length: r.int(0, 6) }, () => [r.pick(keys), randomJson(r, depth + 1)]),
  );
}

const postPaths = [
  '/v1/action/query',
  '/v1/action/queryMore',
  '/v1/batch-query/',
  '/v1/object/export',
  '/query/jobs',
  '/v1/orders',
  '/v1/async/orders',
  '/v1/object/account',
];

/** A request body for one of the POST endpoints: random JSON, a query in a plausible envelope, or broken bytes. */
export function randomPost(r: SeededRandom): FuzzRequest {
  const path = r.pick(postPaths);
  const q = randomQuery(r);
  const envelopes: Record<string, unknown> = {
    '/v1/action/query': { queryString: q, conf: { batchSize: r.pick([1, 2000, 2001, -1, 'x']) } },
    '/v1/batch-query/': {
      format: r.pick(['csv', 'zip', 'gzip', 'xml']),
      version: r.pick(['1.0', '1.1', 1.1, '9']),
      queries: [{ name: 'q', query: q, type: r.pick(['zoql', 'zoqlexport']) }],
    },
    '/v1/object/export': { Format: r.pick(['csv', 'html', 'pdf']), Query: q, Zip: r.chance(0.5) },
    '/query/jobs': {
      query: q.replace(/select/i, 'select'),
      outputFormat: r.pick(['JSON', 'CSV', 'DSV']),
      compression: r.pick(['NONE', 'GZIP', 'ZIP']),
      output: { target: 's3' },
    },
  };
  const choice = r.int(0, 9);
  if (choice < 4 && envelopes[path] !== undefined)
    return {
      label: `${path} envelope`,
      method: 'POST',
      path,
      body: JSON.stringify(envelopes[path]),
      contentType: 'application/json',
    };
  if (choice < 8)
    return {
      label: `${path} random json`,
      method: 'POST',
      path,
      body: JSON.stringify(randomJson(r)),
      contentType: 'application/json',
    };
  const broken = r.pick([
    '{',
    '{"a":',
    '['.repeat(100_000),
    '\u0000\u0001',
    'null',
    '"x"',
    '{"queryString": "select Id from Account"}',
  ]);
  return {
    label: `${path} raw`,
    method: 'POST',
    path,
    body: broken,
    contentType: r.pick([
      'application/json',
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
    ]),
  };
}

const oqFields = [
  'id',
  'accountNumber',
  'NAME',
  'balance',
  'billtoid',
  'shoeSize',
  '',
  '%00',
  'a'.repeat(5000),
];

export function randomObjectQuery(r: SeededRandom): FuzzRequest {
  const params: string[] = [];
  for (let i = r.int(0, 5); i > 0; i -= 1) {
    const kind = r.int(0, 6);
    const value = encodeURIComponent(r.pick([...oqFields, tokenSoup(r)]));
    if (kind === 0) params.push(`fields[]=${value}`);
    else if (kind === 1)
      params.push(`${r.pick(['account', 'billto', 'subscriptions', 'ACCOUNT'])}.fields[]=${value}`);
    else if (kind === 2)
      params.push(
        `filter[]=${value}.${r.pick(['EQ', 'NE', 'IN', 'SW', 'LT', 'XX'])}:${encodeURIComponent(r.pick(['x', '[a,b]', '%02%03', 'null', '2025-02-30', 'é']))}`,
      );
    else if (kind === 3)
      params.push(`expand[]=${encodeURIComponent(r.pick(['billto', 'subscriptions', 'a.b', 'nope', '']))}`);
    else if (kind === 4) params.push(`sort[]=${value}.${r.pick(['ASC', 'DESC', 'UP'])}`);
    else if (kind === 5)
      params.push(`pageSize=${encodeURIComponent(String(r.pick([0, 1, 99, 100, -5, 'x', 1e30, 9.5])))}`);
    else
      params.push(
        `cursor=${encodeURIComponent(r.pick(['', 'x', Buffer.from('{"o":-1}').toString('base64url'), Buffer.from('{"o":1e300}').toString('base64url'), '%%%']))}`,
      );
  }
  const object = r.pick(['accounts', 'invoices', 'invoice-items', 'widgets', 'ACCOUNTS', '%2e%2e']);
  const key = r.chance(0.3) ? `/${encodeURIComponent(r.pick(['A00000001', 'x', '\u0000']))}` : '';
  return { label: 'object-query', method: 'GET', path: `/object-query/${object}${key}?${params.join('&')}` };
}

export function randomPath(r: SeededRandom): FuzzRequest {
  const junk = r.pick(['x', '%ZZ', '..%2F..', '%00', 'a'.repeat(3000), '%F0%9F%98%80', '123']);
  const path = r.pick([
    `/v1/files/${junk}`,
    `/v1/describe/${junk}`,
    `/query/jobs/${junk}`,
    `/v1/batch-query/jobs/${junk}`,
    `/v1/object/export/${junk}`,
    `/query/results/${junk}?X-Amz-Expires=1&X-Amz-Signature=${junk}`,
    `/v1/${junk}`,
  ]);
  return { label: 'path', method: r.pick(['GET', 'DELETE'] as const), path };
}

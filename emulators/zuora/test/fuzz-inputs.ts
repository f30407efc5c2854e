// Random and adversarial inputs for the emulator fuzz test: query text in every dialect, Object Query
// parameters, request bodies and paths. Seeded, so a failure names an input that can be replayed.
import { seededRandom, type SeededRandom } from '../src/tenant/seeded-random.js';

export interface FuzzRequest {
  label: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: string;
  contentType?: string;
}

const words = [
  'select',
  'SELECT',
  'from',
  'FROM',
  'where',
  'and',
  'or',
  'not',
  'like',
  'is',
  'null',
  'order',
  'by',
  'group',
  'having',
  'limit',
  'offset',
  'as',
  'in',
  'asc',
  'desc',
  'distinct',
  'join',
  'on',
  'true',
  'false',
  'Id',
  'Name',
  'AccountNumber',
  'Balance',
  'UpdatedDate',
  'InvoiceDate',
  'AutoPay',
  'Account.Name',
  'BillToContact.*',
  'BillToContact.City',
  'count(*)',
  'sum(Balance)',
  'max(UpdatedDate)',
  'date(UpdatedDate)',
  'Account',
  'Invoice',
  'InvoiceItem',
  'Order',
  'Nope',
  'account',
];
const literals = [
  "'x'",
  "''",
  "'2025-02-30'",
  "'2024-02-29'",
  "'%a%b%c%'",
  "'_%'",
  '12',
  '-3.5e9',
  '1e999',
  '2024-01-01T10:00:00',
  "'abc",
  "'\\'",
  "''''",
  "'\\u0000'",
  '"alias"',
  "'\u{1F600}'",
  '9999999999999999999999',
  "'2024-01-01T25:61:00Z'",
];
const punctuation = [
  '(',
  ')',
  ',',
  ';',
  '*',
  '=',
  '!=',
  '<>',
  '<',
  '>',
  '<=',
  '>=',
  '#',
  '@',
  '\\',
  '\u0000',
  '.',
  '-',
  '%',
];

function tokenSoup(r: SeededRandom): string {
  const n = r.int(1, 30);
  const parts: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const kind = r.int(0, 9);
    parts.push(kind < 5 ? r.pick(words) : kind < 8 ? r.pick(literals) : r.pick(punctuation));
  }
  return parts.join(r.chance(0.8) ? ' ' : '');
}

const validQueries = [
  "select Id, Name from Account where Balance > 10 and Status = 'Active'",
  "select AccountNumber from Account where Name like 'A%'",
  'select Id, Account.Name, Invoice.InvoiceNumber from InvoiceItem where ChargeAmount > 0 order by ChargeAmount desc limit 5',
  'select Currency, count(Id) from Account group by Currency having count(Id) > 1',
  "select * from Invoice where InvoiceDate = '2024-01-01' or not (Balance > 0)",
];

function mutate(r: SeededRandom, text: string): string {
  let s = text;
  for (let i = r.int(1, 6); i > 0; i -= 1) {
    const at = r.int(0, s.length);
    const op = r.int(0, 2);
    const junk = r.pick([...punctuation, "'", '"', ' ', 'x', '%', '_']);
    s =
      op === 0
        ? s.slice(0, at) + junk + s.slice(at)
        : op === 1
          ? s.slice(0, at) + s.slice(at + 1)
          : s.slice(0, at) + junk + s.slice(at + 1);
  }
  return s;
}

/** Inputs that broke or could break a parser or matcher: huge, deep, or pathological for backtracking. */
export function adversarialQueries(): string[] {
  return [
    `select Id from Account where Name = '${'x'.repeat(10_000_000)}'`,
    `select Id from Account where Name like '${'%a'.repeat(14)}%'`,
    // With each % a `.*`, this took 1.5 s on a 30-character run of a's and grows exponentially (issue 18).
    `select Id from Account where Name like '%${'a%'.repeat(14)}b'`,
    `select Id from Account where Name like '${'%'.repeat(5000)}x'`,
    `select Id from Account where Name like '${'%_'.repeat(2000)}'`,
    `select Id from Account where ${'('.repeat(100_000)}Id = 'x'${')'.repeat(100_000)}`,
    `select Id from Account where ${'not '.repeat(50_000)}Id = 'x'`,
    `select Id from Account where ${Array.from({ length: 20_000 }, (_, i) => `Name = '${i}'`).join(' or ')}`,
    `select ${'a'.repeat(1_000_000)} from Account`,
    `select Id from Account where Name = '${"\\'".repeat(400_000)}'`,
    `select Id from Account where Name = '${"''".repeat(400_000)}'`,
    `select ${Array.from({ length: 50_000 }, () => 'Id').join(',')} from Account`,
    `select Id from Account order by ${Array.from({ length: 20_000 }, () => 'Name').join(',')}`,
  ];
}

export function randomQuery(r: SeededRandom): string {
  return r.chance(0.5) ? tokenSoup(r) : mutate(r, r.pick(validQueries));
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

export function fuzzRandom(seed: number): SeededRandom {
  return seededRandom(seed);
}

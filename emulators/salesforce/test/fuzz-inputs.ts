// Random and adversarial inputs for the emulator fuzz test: SOQL and SOSL built from grammar pieces
// and then mutated, hostile literals (deep nesting, wildcard storms, huge numbers, NUL bytes, bad
// escapes), and request bodies of every shape the REST, Composite, Bulk 2.0 and Bulk 1.0 resources take.

export type Rng = () => number;

/** mulberry32: small, seedable, good enough to vary inputs reproducibly. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
const int = (r: Rng, max: number) => Math.floor(r() * max);

const objects = [
  'Account',
  'Contact',
  'CustomerAccount__c',
  'Sync_History__c',
  'Order',
  'OrderItem',
  'User',
  'Nope__c',
  'Sync_Setting__mdt',
  'Sync_Event__e',
];
const fields = [
  'Id',
  'Name',
  'CreatedDate',
  'Balance__c',
  'Status__c',
  'Channels__c',
  'Account__r.Name',
  'Account.Owner.Name',
  'LastName',
  'Activated_On__c',
  'Last_Synced_At__c',
  'Last_Sync_Error__c',
  'Nope__c',
  'a.b.c.d.e.f.g',
  'Owner.Profile.Name',
  'IsDeleted',
  'Auto_Pay__c',
];
const literals = [
  "'x'",
  "'Acme%'",
  "'%_%'",
  "'a\\%b'",
  "'\\q'",
  "'unterminated",
  "''",
  "'\\u00e9'",
  "'\\uZZZZ'",
  '5',
  '-1.5e308',
  '1e999',
  'TRUE',
  'null',
  '2024-01-01',
  '2024-02-30',
  '2024-01-01T00:00:00Z',
  '2024-01-01T25:61:61+99:99',
  'TODAY',
  'LAST_N_DAYS:3',
  'LAST_N_DAYS:-1',
  'NEXT_N_QUARTERS:99999999999',
  "'001000000000000AAA'",
  "'0018d0000000001'",
  "'\u0000'",
  '(',
  "'''",
];
const ops = ['=', '!=', '<', '>=', 'LIKE', 'IN', 'NOT IN', 'INCLUDES', 'EXCLUDES', '<>', '==', 'LIKE LIKE'];

function condition(r: Rng, depth: number): string {
  if (depth > 2 || r() < 0.5) {
    const op = pick(r, ops);
    const value =
      op.includes('IN') || op.includes('CLUDES')
        ? `(${pick(r, literals)}, ${pick(r, literals)})`
        : pick(r, literals);
    return `${pick(r, fields)} ${op} ${value}`;
  }
  const joiner = pick(r, [' AND ', ' OR ', ' AND NOT ', ' ']);
  return `(${condition(r, depth + 1)}${joiner}${condition(r, depth + 1)})`;
}

export function soql(r: Rng): string {
  const select = Array.from({ length: 1 + int(r, 4) }, () =>
    pick(r, [
      pick(r, fields),
      `COUNT(${pick(r, fields)})`,
      'COUNT()',
      `SUM(${pick(r, fields)}) s`,
      `MAX(${pick(r, fields)})`,
      `CALENDAR_YEAR(${pick(r, fields)})`,
      `(SELECT ${pick(r, fields)} FROM ${pick(r, ['Contacts', 'OrderItems', 'Sync_Record_Errors__r', 'Nopes'])} LIMIT ${int(r, 5)})`,
      'FIELDS(ALL)',
      'TYPEOF Owner WHEN User THEN Name END',
      'toLabel(Status__c)',
    ]),
  ).join(', ');
  let q = `SELECT ${select} FROM ${pick(r, objects)}`;
  if (r() < 0.7) q += ` WHERE ${condition(r, 0)}`;
  if (r() < 0.3) q += ` GROUP BY ${pick(r, fields)}`;
  if (r() < 0.2) q += ` HAVING COUNT(Id) > ${int(r, 3)}`;
  if (r() < 0.4)
    q += ` ORDER BY ${pick(r, fields)} ${pick(r, ['ASC', 'DESC NULLS LAST', 'NULLS FIRST', ''])}`;
  if (r() < 0.4) q += ` LIMIT ${pick(r, ['1', '0', '-1', '200', '99999999999999999999'])}`;
  if (r() < 0.3) q += ` OFFSET ${pick(r, ['1', '2000', '2001', '1e3'])}`;
  return r() < 0.3 ? mutate(r, q) : q;
}

export function mutate(r: Rng, text: string): string {
  let out = text;
  for (let n = 1 + int(r, 3); n > 0; n -= 1) {
    const at = int(r, out.length + 1);
    const action = int(r, 3);
    if (action === 0) out = out.slice(0, at) + out.slice(at + 1 + int(r, 5));
    else if (action === 1)
      out =
        out.slice(0, at) +
        pick(r, ["'", '(', ')', '\\', ',', '.', ' SELECT ', '%', '{', '}', '\u0000', '"', ':']) +
        out.slice(at);
    else out = out.slice(0, at) + out.slice(at, at + 8).repeat(2) + out.slice(at + 8);
  }
  return out;
}

/** Inputs that have broken parsers and matchers before: deep nesting, wildcard storms, huge tokens. */
export function adversarialSoql(): string[] {
  return [
    `SELECT Id FROM Account WHERE ${'('.repeat(3000)}Name = 'x'${')'.repeat(3000)}`,
    `SELECT Id FROM Account WHERE ${'NOT '.repeat(3000)}Name = 'x'`,
    `SELECT Id FROM Account WHERE Name LIKE '${'%a'.repeat(2000)}%b'`,
    `SELECT Id FROM Account WHERE Name LIKE '${'_'.repeat(5000)}'`,
    `SELECT Id FROM Account WHERE Name = '${'\\\\'.repeat(4000)}'`,
    `SELECT Id FROM Account WHERE Name IN (${Array.from({ length: 1500 }, (_, i) => `'v${i}'`).join(',')})`,
    `SELECT ${'Name,'.repeat(1500)}Id FROM Account`,
    `SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE AccountId IN (SELECT Id FROM Account))`,
    `SELECT Id, ${'(SELECT Id, '.repeat(8)}Id${' FROM Contacts)'.repeat(8)} FROM Account`,
    `SELECT Id FROM Account WHERE Name = '${'x'.repeat(6000)}'`,
    `SELECT Id FROM Account LIMIT ${'9'.repeat(400)}`,
    'SELECT Id FROM Account WHERE CreatedDate > 2024-01-01T00:00:00.123456789Z',
    `FIND {${'a* OR '.repeat(500)}b} RETURNING Account(Name)`,
    `FIND {${'('.repeat(2000)}acme${')'.repeat(2000)}}`,
    `FIND {${'?'.repeat(3000)}}`,
    'FIND {"unterminated phrase} RETURNING Account',
    `FIND {acme} RETURNING ${Array.from({ length: 300 }, () => 'Account(Name)').join(', ')}`,
  ];
}

export function sosl(r: Rng): string {
  const term = pick(r, [
    'acme',
    'a',
    'ac*',
    '"two words"',
    'acme AND NOT globex',
    '(a OR bb',
    '\\}',
    '??',
    'x'.repeat(300),
    '',
  ]);
  let q = `FIND {${term}}`;
  if (r() < 0.5) q += ` IN ${pick(r, ['ALL', 'NAME', 'EMAIL', 'PHONE', 'SIDEBAR', 'NOPE'])} FIELDS`;
  if (r() < 0.7)
    q += ` RETURNING ${pick(r, objects)}(${pick(r, fields)}${r() < 0.5 ? ` WHERE ${condition(r, 1)}` : ''}${r() < 0.3 ? ` LIMIT ${int(r, 5)}` : ''}${r() < 0.2 ? ' OFFSET 3000' : ''})`;
  if (r() < 0.3) q += ` LIMIT ${pick(r, ['0', '5', '99999'])}`;
  return r() < 0.3 ? mutate(r, q) : q;
}

const jsonValues: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  1.5,
  'x',
  '',
  '\u0000',
  'x'.repeat(40_000),
  [],
  {},
  { a: { b: {} } },
  [1, [2, [3]]],
  '2024-02-30',
  '2024-01-01T00:00:00Z',
  'not-an-id',
  '0018d0000000001AAA',
  'Active',
  'Email;Web;Nope',
  '#N/A',
];

export function record(r: Rng): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let n = int(r, 6); n > 0; n -= 1)
    out[
      pick(r, [
        ...fields,
        'attributes',
        '__proto__',
        'constructor',
        'AccountNumber__c',
        'External_Id__c',
        'Account__r',
      ])
    ] = pick(r, jsonValues);
  if (r() < 0.5)
    out.attributes = pick(r, [
      { type: pick(r, objects) },
      { type: 5 },
      null,
      'x',
      { type: 'Account', referenceId: pick(r, ['r1', '', 7]) },
    ]);
  return out;
}

export function nestedTree(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = {
    attributes: { type: 'Contact', referenceId: `c${depth}` },
    LastName: 'Leaf',
  };
  for (let i = depth; i > 0; i -= 1)
    node = {
      attributes: { type: 'Account', referenceId: `a${i}` },
      Name: `A${i}`,
      ChildAccounts: { records: [node] },
    };
  return { records: [node] };
}

export const billionLaughs =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><jobInfo><operation>&lol9;</operation><object>Account</object></jobInfo>';

export function csv(r: Rng): string {
  const header = pick(r, [
    'Name,AccountNumber__c',
    'Name,Nope__c',
    'External_Id__c,Name,Account__r.Zuora_Customer_Number__c',
    '',
    '"Name',
    'Name,Name',
    'Id',
  ]);
  const rows = Array.from({ length: int(r, 5) }, () =>
    pick(r, [
      'x,1',
      '"a""b",2',
      '"unterminated,3',
      'a,b,c,d',
      '',
      ',',
      '#N/A,#N/A',
      '"x"y,1',
      '\u0000,\u0000',
      'é,ü',
    ]),
  );
  return [header, ...rows].join(pick(r, ['\n', '\r\n', '\r']));
}

// A checksum per Salesforce object of the org's end state after a bench sync, read through the emulator's admin
// API, so two runs (before and after a change) can be compared: same data, same checksums (issue 19: "the M
// sync's Salesforce end state is identical"). What a run cannot reproduce is left out: the record's own Id, its
// audit fields, and the identity of the records its lookups point at (Ids are handed out in load order, which
// parallel loads vary); a lookup keeps the key prefix of its target, so a wrong object still changes the sum.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { runArgs } from './own-runtime.js';

const runSpecific = new Set([
  'Id',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'LastReferencedDate',
  'LastViewedDate',
  'LastActivityDate',
  'OwnerId',
]);
const salesforceId = /^[a-zA-Z0-9]{18}$/;

function canonical(record: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const name of Object.keys(record).sort()) {
    if (runSpecific.has(name) || name === 'attributes') continue;
    const value = record[name];
    const text = typeof value === 'string' && salesforceId.test(value) ? `id:${value.slice(0, 3)}` : value;
    parts.push(`${name}=${JSON.stringify(text ?? null)}`);
  }
  return parts.join('\u0001');
}

/** `object records checksum` for each object, the checksum independent of record order. */
export async function salesforceChecksums(
  loginUrl: string,
  adminToken: string,
  objects: readonly string[],
): Promise<string[]> {
  const lines: string[] = [];
  for (const object of [...objects].sort()) {
    // Page by page (a whole object in one JSON answer came near V8's string limit at M).
    const hashes: string[] = [];
    for (let from: number | null = 0; from !== null;) {
      const url = `${loginUrl}/__emulator/records/${encodeURIComponent(object)}?limit=20000&from=${String(from)}`;
      const response = await fetch(url, { headers: { authorization: `Bearer ${adminToken}` } });
      if (!response.ok) throw new Error(`records of ${object}: HTTP ${String(response.status)}`);
      const page = (await response.json()) as { records: Record<string, unknown>[]; next: number | null };
      for (const r of page.records) hashes.push(createHash('sha256').update(canonical(r)).digest('hex'));
      from = page.next;
    }
    hashes.sort();
    const sum = createHash('sha256').update(hashes.join('\n')).digest('hex').slice(0, 16);
    lines.push(`${object.padEnd(38)}${String(hashes.length).padStart(10)}  ${sum}`);
  }
  return lines;
}

/**
 * salesforceChecksums in a child process, so the records it reads (1.3 million at M, about 2 GB of parsed
 * JSON) do not raise the bench process's peak RSS, which is the connector's figure. The admin token goes by
 * environment, not argv, so `ps` does not show it.
 */
export async function salesforceChecksumsApart(
  loginUrl: string,
  adminToken: string,
  objects: readonly string[],
): Promise<string[]> {
  const child = spawn(process.execPath, [...runArgs(fileURLToPath(import.meta.url)), loginUrl], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '', SF_CHECKSUMS_TOKEN: adminToken },
  });
  child.stdin.end(JSON.stringify(objects));
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`checksums process exited with ${String(code)}`);
  return out.split('\n').filter((line) => line !== '');
}

// As the child: the objects come on stdin as a JSON array, the lines go to stdout.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const lines = await salesforceChecksums(
    process.argv[2] ?? '',
    process.env.SF_CHECKSUMS_TOKEN ?? '',
    JSON.parse(input) as string[],
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

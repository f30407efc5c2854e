// The side-by-side loads of the vs-sf-cli scenario: the connector's spooled CSV parts loaded again as a user
// would script it with the Salesforce CLI (`sf data upsert bulk ... --wait`, one file after another, parents
// first, one CLI process per file), and a naive jsforce load of one object (`sobject(X).upsert(records, extId)`
// in chunks of 200, the sObject Collections limit). The CLI command:
// https://developer.salesforce.com/docs/atlas.en-us.sfdx_cli_reference.meta/sfdx_cli_reference/cli_reference_data_commands_unified.htm
import { spawn } from 'node:child_process';
import {
  closeSync,
  createReadStream,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import type jsforce from 'jsforce';
import { sfCliEnv } from '../../emulators/shared/sf-cli-env.js';

const binDir = join(import.meta.dirname, '..', '..', 'node_modules', '.bin');

/** One spooled CSV part: `<object>.<pass>.<part>.csv` in a session's spool directory. */
export interface SpoolPart {
  readonly object: string;
  readonly pass: string;
  readonly part: number;
  readonly file: string;
}

export function spoolParts(dir: string): SpoolPart[] {
  const parts: SpoolPart[] = [];
  for (const name of readdirSync(dir)) {
    const m = /^(.+)\.(upsert|deferred)\.(\d+)\.csv$/.exec(name);
    if (m) parts.push({ object: m[1] ?? '', pass: m[2] ?? '', part: Number(m[3]), file: join(dir, name) });
  }
  return parts;
}

/** The key column a part is upserted on: its first header column, as the connector's writer takes it. */
export function keyFieldOf(file: string): string {
  const head = readFileSync(file, 'utf8').slice(0, 4096);
  return head.slice(0, head.search(/[,\r\n]/));
}

/** CPU seconds of this process's waited-for children (Linux /proc/self/stat cutime + cstime). */
export function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command name: state is field 3, cutime field 16 and cstime field 17 (clock ticks, 100 Hz).
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** Past this size the CLI's JSON is not parsed whole: the job id is read from its start. */
const maxParsedBytes = 256 * 2 ** 20;

/**
 * The CLI's JSON answer. A huge one (failed records listed) is not parsed: its job id is taken from the first
 * MB, reported as a job with failed records, whose counts the caller reads from the job afterwards.
 */
function readOutput(file: string, args: readonly string[]): Record<string, unknown> {
  const size = statSync(file).size;
  if (size <= maxParsedBytes) {
    const text = readFileSync(file, 'utf8');
    if (text.trim().startsWith('{')) return JSON.parse(text) as Record<string, unknown>;
    // The CLI ended without an answer (at M, a part with many failed records runs it out of memory).
    process.stderr.write(`sf ${args.slice(0, 3).join(' ')}: no JSON on stdout\n`);
    return { status: 1, code: 'NoAnswer' };
  }
  const head = Buffer.alloc(2 ** 20);
  const fd = openSync(file, 'r');
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const jobId = /"(?:jobId|id)"\s*:\s*"(750[A-Za-z0-9]{12,15})"/.exec(head.toString('utf8', 0, n))?.[1];
  if (jobId === undefined)
    throw new Error(`sf ${args.slice(0, 3).join(' ')}: ${String(size)} bytes, no job id`);
  process.stderr.write(`sf ${args.slice(0, 3).join(' ')}: ${String(size)} bytes of JSON, job ${jobId}\n`);
  return { status: 1, code: 'FailedRecordDetailsError', data: { jobId, state: 'JobComplete' } };
}

export class SfCli {
  readonly home = mkdtempSync(join(tmpdir(), 'bench-sf-cli-'));
  processes = 0;

  async run(args: string[], extraEnv: Record<string, string> = {}): Promise<Record<string, unknown>> {
    this.processes += 1;
    // The JSON goes to a file: a job with many failed records can print more than any pipe buffer holds.
    const out = join(this.home, 'out.json');
    const fd = openSync(out, 'w');
    try {
      await new Promise<void>((resolve, reject) => {
        const child = spawn(join(binDir, 'sf'), [...args, '--json'], {
          cwd: this.home,
          stdio: ['ignore', fd, 'ignore'],
          env: sfCliEnv(this.home, binDir, { NODE_OPTIONS: '', ...extraEnv }),
        });
        child.on('error', reject);
        // A command that fails exits non-zero with its JSON error on stdout.
        child.on('close', () => resolve());
      });
    } finally {
      closeSync(fd);
    }
    return readOutput(out, args);
  }

  async login(instanceUrl: string, accessToken: string): Promise<void> {
    await this.run(
      ['org', 'login', 'access-token', '--instance-url', instanceUrl, '--no-prompt', '--alias', 'bench'],
      {
        SF_ACCESS_TOKEN: accessToken,
      },
    );
  }

  /**
   * `sf data upsert bulk --wait`; returns the job's Id and, when the CLI reports them, its counts. A job with
   * failed records makes the CLI exit 1 (FailedRecordDetailsError) with the Id only: the caller reads its
   * counts afterwards. Anything else is an error.
   */
  /** Undefined when the CLI ended without an answer (the caller counts rows from the org's jobs). */
  async upsert(part: SpoolPart): Promise<{ jobId: string; processed?: number; failed?: number } | undefined> {
    const out = await this.run([
      'data',
      'upsert',
      'bulk',
      '-o',
      'bench',
      '--file',
      part.file,
      '--sobject',
      part.object,
      '--external-id',
      keyFieldOf(part.file),
      '--wait',
      '60',
    ]);
    if (out.code === 'NoAnswer') return undefined;
    if (out.status !== 0) {
      const data = out.data as { jobId?: string; state?: string } | undefined;
      if (out.code === 'FailedRecordDetailsError' && data?.state === 'JobComplete' && data.jobId)
        return { jobId: data.jobId };
      throw new Error(`sf data upsert bulk ${part.file}: ${JSON.stringify(out)}`);
    }
    const info = (
      out.result as {
        jobInfo: { id: string; numberRecordsProcessed: number; numberRecordsFailed: number };
      }
    ).jobInfo;
    return { jobId: info.id, processed: info.numberRecordsProcessed, failed: info.numberRecordsFailed };
  }

  close(): void {
    rmSync(this.home, { recursive: true, force: true });
  }
}

type JsonRecord = Record<string, unknown>;

/** A CSV row as a REST record: `Parent__r.Key__c` becomes a nested object, `#N/A` null, empty cells absent. */
function recordOf(header: string[], row: string[], object: string): JsonRecord {
  const record: JsonRecord = { attributes: { type: object } };
  header.forEach((column, i) => {
    const raw = row[i] ?? '';
    if (raw === '') return;
    const value = raw === '#N/A' ? null : raw;
    const dot = column.indexOf('.');
    if (dot < 0) record[column] = value;
    else record[column.slice(0, dot)] = { [column.slice(dot + 1)]: value };
  });
  return record;
}

/** Upserts the parts' rows through `sobject(X).upsert(records, extId)`, 200 at a time, one call after another. */
export async function naiveJsforceLoad(
  conn: jsforce.Connection,
  object: string,
  files: readonly string[],
): Promise<{ records: number; failed: number; calls: number }> {
  let records = 0;
  let failed = 0;
  let calls = 0;
  for (const file of files) {
    const extId = keyFieldOf(file);
    let header: string[] | null = null;
    let chunk: JsonRecord[] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      const results = await conn.sobject(object).upsert(chunk, extId);
      calls += 1;
      for (const r of Array.isArray(results) ? results : [results]) if (!r.success) failed += 1;
      records += chunk.length;
      chunk = [];
    };
    for await (const row of createReadStream(file).pipe(parse({ relax_column_count: false }))) {
      const cells = row as string[];
      if (header === null) header = cells;
      else {
        chunk.push(recordOf(header, cells, object));
        if (chunk.length === 200) await flush();
      }
    }
    await flush();
  }
  return { records, failed, calls };
}

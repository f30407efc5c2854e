// What every benchmark scenario shares: the emulators in processes of their own (emulators-process.ts), apart
// from the process being measured, their admin stats, a throwaway PostgreSQL schema for the store and a private
// temp directory for its spool and data.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import type { SalesforceCredentials } from '../../service/src/salesforce/connect.js';
import { isAlive } from '../../service/src/store/data-dir-lock.js';
import { PgStore } from '../../service/src/store/pg-store.js';
import type { ZuoraCredentials } from '../../service/src/zuora/oauth-token.js';
import { moduleFile, runArgs } from './own-runtime.js';

export interface EmulatorInfo {
  zuora: ZuoraCredentials;
  salesforce: SalesforceCredentials;
  zuoraAdmin: string;
  salesforceAdmin: string;
  generatedMs: number;
}

export interface EmulatorProcess {
  readonly child: ChildProcess;
  readonly ready: Promise<Partial<EmulatorInfo>>;
}

/**
 * One emulator process: `both` emulators, or only `zuora` or `salesforce` (one process each keeps one's garbage
 * collection off the other's heap and lets them use both cores). Resolves with the JSON line it prints once
 * ready. NODE_OPTIONS (a heap limit, say) is meant for the measured process, so the emulators do not inherit it.
 */
export function spawnEmulators(
  size: string,
  seed: string,
  which: 'both' | 'zuora' | 'salesforce' | 'cpq' = 'both',
  nodeArgs: readonly string[] = [],
): EmulatorProcess {
  const child = spawn(
    process.execPath,
    [
      // V8's default heap limit on a 64-bit machine is about 4 GB: the Salesforce emulator holding an L sync
      // (8.4 of 14 million records loaded) ran out of it. Issue 19 allows each emulator 6 GB.
      '--max-old-space-size=6144',
      ...nodeArgs,
      ...runArgs(moduleFile(import.meta.dirname, 'emulators-process')),
      size,
      seed,
      which,
    ],
    // stdin is a pipe the emulator process reads until it ends (emulators-process.ts): when this process ends,
    // however it ends, so does the emulator, instead of holding its tenant (GBs at L) on the machine.
    { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } },
  );
  const ready = new Promise<Partial<EmulatorInfo>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${which} emulator process exited with ${String(code)}`)));
    createInterface({ input: child.stdout }).once('line', (line) =>
      resolve(JSON.parse(line) as Partial<EmulatorInfo>),
    );
  });
  return { child, ready };
}

/** Both emulators in one process, ready. */
export async function startEmulators(
  size: string,
  seed: string,
): Promise<{ child: ChildProcess; info: EmulatorInfo }> {
  const { child, ready } = spawnEmulators(size, seed);
  return { child, info: (await ready) as EmulatorInfo };
}

/** The Salesforce emulator's counters (API requests, Bulk batches, per object). */
export async function salesforceStats<T extends { apiRequests: number }>(info: EmulatorInfo): Promise<T> {
  const response = await fetch(`${info.salesforce.loginUrl}/__emulator/stats`, {
    headers: { authorization: `Bearer ${info.salesforceAdmin}` },
  });
  return (await response.json()) as T;
}

/** The service's settings that point it at the emulators. */
export function emulatorEnv(info: EmulatorInfo): Record<string, string> {
  return {
    ZUORA_BASE_URL: info.zuora.baseUrl,
    ZUORA_CLIENT_ID: info.zuora.clientId,
    ZUORA_CLIENT_SECRET: info.zuora.clientSecret,
    SF_LOGIN_URL: info.salesforce.loginUrl,
    SF_CLIENT_ID: info.salesforce.clientId,
    SF_CLIENT_SECRET: info.salesforce.clientSecret,
  };
}

const benchDatabaseUrl = () => process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh schema in DATABASE_URL (default: the local `test` database), so runs never see each other. */
export async function openBenchSchema(schema: string): Promise<PgStore> {
  const url = new URL(benchDatabaseUrl());
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  url.searchParams.set('options', `-c search_path=${schema}`);
  return new PgStore(url.toString());
}

export async function dropBenchSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: benchDatabaseUrl() });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}

/**
 * A private temp directory for this run (`zsync-bench-<what>-<pid>-XXXXXX`), made after removing those of runs whose
 * process is gone: a run killed before its own clean-up leaves its spool (at L, GBs of billing records) behind.
 */
export function benchTempDir(what: string): string {
  const root = tmpdir();
  for (const name of readdirSync(root)) {
    const pid = /^zsync-bench-[a-z-]+-(\d+)-[A-Za-z0-9]{6}$/.exec(name)?.[1];
    if (pid !== undefined && !isAlive(Number(pid)))
      rmSync(join(root, name), { recursive: true, force: true });
  }
  return mkdtempSync(join(root, `zsync-bench-${what}-${String(process.pid)}-`));
}

// The rooms check refuses an import against the room order, an import of the composition root, a folder that
// is not a room, and (sizes) a function over 80 lines; it accepts imports that go down. Each case is a small
// tree written to a temporary directory and checked with --root, as the real tree is by `npm test`.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const script = path.join(import.meta.dirname, '..', 'service-rooms.mjs');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function check(files: Record<string, string>, only?: string): Promise<{ code: number; out: string }> {
  const root = mkdtempSync(path.join(tmpdir(), 'rooms-'));
  dirs.push(root);
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(root, 'service', 'src', file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  const args = [script, '--root', root, ...(only === undefined ? [] : ['--only', only])];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, args);
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string };
    return { code: e.code ?? 1, out: e.stdout ?? '' };
  }
}

describe('service rooms check', () => {
  it('accepts imports that go down the room order', async () => {
    const r = await check({
      'turbo/run.ts': "import { open } from '../sessions/open.js';\nexport const run = open;\n",
      'sessions/open.ts':
        "import type { Store } from '../store/store.js';\nexport const open = (s?: Store) => s;\n",
      'store/store.ts': 'export interface Store { readonly kind: string }\n',
      'main.ts': "import { run } from './turbo/run.js';\nexport const main = run;\n",
    });
    expect(r.out).toMatch(/0 breach\(es\)/);
    expect(r.code).toBe(0);
  });

  it('refuses an upward import, naming the file, the line and both rooms', async () => {
    const r = await check({
      'sessions/worker.ts':
        "export const a = 1;\nimport { run } from '../turbo/run.js';\nexport const b = run;\n",
      'turbo/run.ts': 'export const run = 1;\n',
    });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /service\/src\/sessions\/worker\.ts:2: sessions\/ imports turbo\/ .*level 4.*level 6/,
    );
  });

  it('refuses an import between rooms of one level, of main.ts, and a folder that is no room', async () => {
    const r = await check({
      'realtime/a.ts': "import { b } from '../on-demand/b.js';\nexport const a = b;\n",
      'on-demand/b.ts': 'export const b = 1;\n',
      'cli/c.ts': "import { main } from '../main.js';\nexport const c = main;\n",
      'main.ts': 'export const main = 1;\n',
      'utils/d.ts': 'export const d = 1;\n',
    });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/realtime\/ imports on-demand\//);
    expect(r.out).toMatch(/cli\/ imports \.\.\/main\.js: only main\.ts/);
    expect(r.out).toMatch(/the folder utils\/ is not a room/);
  });

  it('refuses a function over 80 lines and a file over 300 when sizes are checked', async () => {
    const body = Array.from({ length: 81 }, (_, i) => `  const v${String(i)} = ${String(i)};`).join('\n');
    const long = `export function long(): number {\n${body}\n  return v0;\n}\n`;
    const r = await check({ 'mapping/long.ts': long + '\n'.repeat(300) }, 'sizes');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/mapping\/long\.ts:1: long is 84 lines \(at most 80\)/);
    expect(r.out).toMatch(/mapping\/long\.ts: \d+ lines \(at most 300\)/);
  });
});

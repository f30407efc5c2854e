// bin/compiled.js: the commands run their TypeScript compiled once to JavaScript, in a build directory that
// mirrors the checkout (relative imports and files found beside the code resolve as from the sources), rebuilt
// when a source changes, safe when two processes start together, and old builds removed.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compiled } from '../../../bin/compiled.js';

const root = mkdtempSync(join(tmpdir(), 'zsync-compiled-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), text);
}

write('package.json', JSON.stringify({ name: 'probe', version: '1.2.3' }));
write('service/src/store/migrations/001.sql', 'select 1;\n');
write('service/src/config/value.ts', 'export const value: number = 1;\n');
write(
  'service/src/main.ts',
  [
    "import { readFileSync } from 'node:fs';",
    "import { value } from './config/value.js';",
    "const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };",
    "const sql = readFileSync(new URL('./store/migrations/001.sql', import.meta.url), 'utf8');",
    'export const seen = { value, version: pkg.version, sql };',
  ].join('\n'),
);

const load = async (url: string) =>
  ((await import(url)) as { seen: { value: number; version: string; sql: string } }).seen;

describe('compiled (bin/compiled.js)', () => {
  it('runs the sources compiled, with their relative files found as from the sources', async () => {
    const url = await compiled('service/src/main.ts', root);
    expect(url).toMatch(/\/\.build\/[0-9a-f]{16}\/service\/src\/main\.js$/);
    expect(await load(url)).toEqual({ value: 1, version: '1.2.3', sql: 'select 1;\n' });
  });

  it('gives two processes starting together one build', async () => {
    write('service/src/config/value.ts', 'export const value: number = 2;\n');
    const [a, b] = await Promise.all([
      compiled('service/src/main.ts', root),
      compiled('service/src/main.ts', root),
    ]);
    expect(a).toBe(b);
    expect((await load(a)).value).toBe(2);
    // No temporary directory left behind by the one whose build was not used.
    expect(readdirSync(join(root, '.build')).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('builds again when a source changes, and removes builds unused for a day', async () => {
    const before = await compiled('service/src/main.ts', root);
    write('service/src/config/value.ts', 'export const value: number = 3;\n');
    const after = await compiled('service/src/main.ts', root);
    expect(after).not.toBe(before);
    expect((await load(after)).value).toBe(3);
    const builds = readdirSync(join(root, '.build'));
    expect(builds.length).toBeGreaterThan(1);
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    for (const name of builds) utimesSync(join(root, '.build', name), dayAgo, dayAgo);
    await compiled('service/src/main.ts', root);
    expect(readdirSync(join(root, '.build'))).toHaveLength(1);
  });

  it('names the file when a source does not compile', async () => {
    write('service/src/config/value.ts', 'export const value: number = ;\n');
    await expect(compiled('service/src/main.ts', root)).rejects.toThrow(/value\.ts/);
    write('service/src/config/value.ts', 'export const value: number = 4;\n');
  });
});

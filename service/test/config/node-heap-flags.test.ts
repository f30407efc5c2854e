// The connector's V8 heap settings are set in one line of bin/zuora-sync.js (its shebang) and repeated where npm
// starts node itself (start, serve) and where the bench measures the connector: they must not drift apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const shebang = readFileSync(join(root, 'bin/zuora-sync.js'), 'utf8').split('\n')[0] ?? '';
const scripts = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

/** The `--flag=value` words of a command line, in order. */
const flagsOf = (command: string) => command.split(' ').filter((w) => /^--[a-z-]+=\d+$/.test(w));

describe('node heap flags', () => {
  it('are set by the bin shebang', () => {
    expect(shebang.startsWith('#!/usr/bin/env -S node ')).toBe(true);
    expect(flagsOf(shebang)).toEqual(['--max-old-space-size=1024', '--max-semi-space-size=8']);
  });

  it('are the same where npm starts the service or the bench', () => {
    for (const name of ['start', 'serve', 'bench'])
      expect(flagsOf(scripts[name] ?? '')).toEqual(flagsOf(shebang));
  });
});

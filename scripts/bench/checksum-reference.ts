// The turbo bench's end-state checksums compared with a reference kept in the repository
// (scripts/bench/reference/turbo-<size>-seed<seed>.txt), so every run says whether the Salesforce end state is
// still identical to the one before a change (issue 19: "the M sync's Salesforce end state is identical to the
// state before the work"). `--save-checksums` writes the reference for a size and seed that has none.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function referencePath(size: string, seed: string): string {
  return fileURLToPath(new URL(`./reference/turbo-${size}-seed${seed}.txt`, import.meta.url));
}

const fields = (line: string): string[] => line.trim().split(/\s+/);

/** Lines saying how this run's checksums compare with the reference, or that there is none. */
export function compareWithReference(path: string, lines: readonly string[]): string[] {
  if (!existsSync(path)) return [`no reference at ${path} (--save-checksums writes one)`];
  const reference = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [object = '', records = '', sum = ''] = fields(line);
    reference.set(object, `${records} ${sum}`);
  }
  const differing: string[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const [object = '', records = '', sum = ''] = fields(line);
    seen.add(object);
    const expected = reference.get(object);
    if (expected !== `${records} ${sum}`)
      differing.push(`  ${object}: ${records} ${sum}, reference ${expected ?? 'none'}`);
  }
  for (const object of reference.keys())
    if (!seen.has(object))
      differing.push(`  ${object}: not synced, reference ${reference.get(object) ?? ''}`);
  return differing.length === 0
    ? [`end state identical to the reference (${String(seen.size)} objects, ${path.split('/').pop() ?? ''})`]
    : [`end state DIFFERS from the reference in ${String(differing.length)} objects:`, ...differing];
}

export function saveReference(path: string, header: string, lines: readonly string[]): void {
  writeFileSync(path, `# ${header}\n${lines.join('\n')}\n`);
}

#!/usr/bin/env node
// The service's rooms and their import rule (docs/architecture.md): a room imports only rooms below it, never
// one beside or above it; main.ts (the composition root) and its embedded/ folder may import anything, and
// nothing in service/src imports them. Also the size limits of CONVENTIONS.md: no function over 80 lines, no
// file over 300, a median file of at most 60 lines. Prints one line per breach and exits 1 if there is any.
// `--root DIR` checks another tree (the check's own test plants breaches in a copy); `--only imports|sizes`
// runs one half.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Rooms from the bottom up: a room may import the rooms of lower levels only. */
export const roomLevels = {
  config: 0,
  store: 1,
  csv: 1,
  zuora: 2,
  salesforce: 2,
  mapping: 3,
  sessions: 4,
  compare: 4,
  'api-sync': 5,
  turbo: 6,
  'on-demand': 7,
  realtime: 7,
  cpq: 7,
  'package-check': 7,
  http: 8,
  console: 8,
  cli: 8,
};
const rootLevel = 9;
export const limits = { functionLines: 80, fileLines: 300, medianFileLines: 60 };

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rootArg = process.argv.indexOf('--root');
const base = rootArg === -1 ? repo : resolve(process.argv[rootArg + 1] ?? '.');
const src = join(base, 'service', 'src');
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg === -1 ? undefined : process.argv[onlyArg + 1];

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** The room of a file under service/src: its first folder, or `root` for main.ts and embedded/. */
function roomOf(file) {
  const parts = relative(src, file).split(sep);
  if (parts.length === 1 || parts[0] === 'embedded') return 'root';
  return parts[0];
}

function importBreaches(file, text) {
  const from = roomOf(file);
  const breaches = [];
  if (from !== 'root' && !(from in roomLevels)) {
    breaches.push(
      `${rel(file)}: the folder ${from}/ is not a room; add it to roomLevels (docs/architecture.md)`,
    );
    return breaches;
  }
  const level = from === 'root' ? rootLevel : roomLevels[from];
  for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
    const spec = imported.fileName;
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec);
    if (!target.startsWith(src + sep)) continue;
    const to = roomOf(target);
    if (to === from) continue;
    const line = ts.getLineAndCharacterOfPosition(ts.createSourceFile(file, text, 99), imported.pos).line + 1;
    const where = `${rel(file)}:${String(line)}`;
    if (to === 'root') {
      breaches.push(`${where}: ${from}/ imports ${spec}: only main.ts (the composition root) may use it`);
      continue;
    }
    const toLevel = roomLevels[to];
    if (toLevel === undefined) continue; // reported once, for the files of that folder
    if (toLevel >= level)
      breaches.push(
        `${where}: ${from}/ imports ${to}/ (${spec}): a room imports only rooms below it (${from} is level ${String(level)}, ${to} is level ${String(toLevel)})`,
      );
  }
  return breaches;
}

function sizeBreaches(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const breaches = [];
  const lineOf = (pos) => source.getLineAndCharacterOfPosition(pos).line;
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const lines = lineOf(node.getEnd()) - lineOf(node.getStart(source)) + 1;
      if (lines > limits.functionLines) {
        const name = node.name?.getText(source) ?? '(anonymous function)';
        breaches.push(
          `${rel(file)}:${String(lineOf(node.getStart(source)) + 1)}: ${name} is ${String(lines)} lines (at most ${String(limits.functionLines)})`,
        );
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return breaches;
}

const rel = (file) => relative(base, file);

export function checkRooms() {
  const files = tsFiles(src);
  const breaches = [];
  const lengths = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (only !== 'sizes') breaches.push(...importBreaches(file, text));
    if (only !== 'imports') breaches.push(...sizeBreaches(file, text));
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    lengths.push(lines);
    if (only !== 'imports' && lines > limits.fileLines)
      breaches.push(`${rel(file)}: ${String(lines)} lines (at most ${String(limits.fileLines)})`);
  }
  lengths.sort((a, b) => a - b);
  const mid = Math.floor(lengths.length / 2);
  const median = lengths.length % 2 === 1 ? lengths[mid] : (lengths[mid - 1] + lengths[mid]) / 2;
  if (only !== 'imports' && median > limits.medianFileLines)
    breaches.push(
      `service/src: the median file is ${String(median)} lines (at most ${String(limits.medianFileLines)})`,
    );
  return { files: files.length, median, breaches };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, median, breaches } = checkRooms();
  for (const b of breaches) console.log(b);
  console.log(
    `service rooms: ${String(files)} files, median ${String(median)} lines, ${String(breaches.length)} breach(es)`,
  );
  process.exitCode = breaches.length > 0 ? 1 : 0;
}

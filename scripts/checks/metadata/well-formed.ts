// Check (b): every metadata XML file is well-formed, by fast-xml-parser's validator and, where installed,
// by xmllint (libxml2), which `sf project convert source` is not (see reference/tooling-notes.md §1).

import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';

export function validateWithParser(files: readonly string[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const result = XMLValidator.validate(readFileSync(file, 'utf8'));
    if (result !== true) problems.push(`${file}:${result.err.line}:${result.err.col}: ${result.err.msg}`);
  }
  return problems;
}

export function xmllintAvailable(): boolean {
  return spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** xmllint's own messages for the files it rejects; empty when all are well-formed. */
export function validateWithXmllint(files: readonly string[]): string[] {
  const problems: string[] = [];
  // Batches keep the argument list well under the OS limit.
  for (let start = 0; start < files.length; start += 200) {
    const batch = files.slice(start, start + 200);
    try {
      execFileSync('xmllint', ['--noout', ...batch], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
      problems.push(stderr.trim());
    }
  }
  return problems;
}

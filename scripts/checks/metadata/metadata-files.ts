// Lists and parses the SFDX source files under force-app, for the checks.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export function listMetadataFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('-meta.xml')) found.push(full);
    }
  };
  walk(root);
  return found.sort();
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  // Every element below the root comes back as an array, repeated (fieldPermissions) or not (label).
  isArray: (_name, jpath) => typeof jpath === 'string' && jpath.includes('.'),
});

/** The root element's children, each as an array of values (strings or elements shaped the same way). */
export function parseMetadata(file: string): Record<string, unknown[]> {
  const document = parser.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const rootName = Object.keys(document).find((key) => key !== '?xml');
  const root = rootName ? document[rootName] : undefined;
  if (!root || typeof root !== 'object') throw new Error(`${file}: no root element`);
  return root as Record<string, unknown[]>;
}

export function text(element: Record<string, unknown[]>, name: string): string | undefined {
  const value = element[name]?.[0];
  return typeof value === 'string' ? value : undefined;
}

// sfdx-lwc-jest configuration: the LWC tests live in lwc-tests/<component>/ and run against the JavaScript
// `npm run build:lwc` emitted, the files the org receives: `.ts` is left out of the module extensions, so a
// component whose `.js` was not built fails to resolve instead of silently running from its TypeScript source.
// Platform modules the stock stubs do not provide are mapped to lwc-tests/jest-mocks/. Custom Labels resolve
// to their value in the CustomLabels files of every package directory (force-app, force-app-cpq; one generated
// module per label under .data/jest-labels/), so tests read the texts users read; sfdx-lwc-jest alone would
// give the label's name.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sfdxLwcJest from '@salesforce/sfdx-lwc-jest/config.js';

const { jestConfig } = sfdxLwcJest;
const root = path.dirname(fileURLToPath(import.meta.url));
const packageDirs = JSON.parse(
  fs.readFileSync(path.join(root, 'sfdx-project.json'), 'utf8'),
).packageDirectories;
const labelsFiles = packageDirs.map((entry) =>
  path.join(root, entry.path, 'main', 'default', 'labels', 'CustomLabels.labels-meta.xml'),
);
const labelsDir = path.join(root, '.data', 'jest-labels');

const unescapeXml = (text) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

fs.mkdirSync(labelsDir, { recursive: true });
const xml = labelsFiles
  .filter((file) => fs.existsSync(file))
  .map((file) => fs.readFileSync(file, 'utf8'))
  .join('\n');
for (const [, body] of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
  const name = /<fullName>([^<]+)<\/fullName>/.exec(body)?.[1];
  const value = /<value>([\s\S]*?)<\/value>/.exec(body)?.[1];
  if (name === undefined || value === undefined) continue;
  fs.writeFileSync(
    path.join(labelsDir, `${name}.js`),
    `export default ${JSON.stringify(unescapeXml(value))};\n`,
  );
}

export default {
  ...jestConfig,
  moduleFileExtensions: ['js', 'html', 'json'],
  roots: ['<rootDir>/lwc-tests'],
  testMatch: ['<rootDir>/lwc-tests/**/*.test.js'],
  moduleNameMapper: {
    '^lightning/actions$': '<rootDir>/lwc-tests/jest-mocks/lightning/actions.js',
    '^@salesforce/label/c\\.(.+)$': '<rootDir>/.data/jest-labels/$1.js',
  },
};

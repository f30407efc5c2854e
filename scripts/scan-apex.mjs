#!/usr/bin/env node
// Static checks for the package's Apex, since no org is reachable here (see DESIGN.md, tooling-notes.md §3):
//   1. prettier-plugin-apex: syntax and formatting of every .cls/.trigger
//   2. every .cls/.trigger has its -meta.xml (sf project convert silently drops those without one)
//   3. apex-ls CheckForIssues: types, unknown fields and methods, checked against the package's own objects
//   4. PMD security rules (CRUD/FLS, SOQL injection, sharing, ...)
// Every package directory of sfdx-project.json is scanned (force-app and force-app-cpq). apex-ls runs on a
// throwaway workspace that links them and declares Salesforce CPQ's namespace as a dependency whose metadata
// is scripts/apex-ls-stubs/sbqq (see its README), so Apex and metadata naming SBQQ__Subscription__c resolve.
// Prints `file:line [tool rule] message` per issue and exits 1 on any issue.
// Usage: node scripts/scan-apex.mjs [projectDir]   (defaults to the repository root)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const projectDir = path.resolve(process.argv[2] ?? repoRoot);
// The apex-ls and PMD jars ship inside this pinned package (Java 8 bytecode, runs on Java 17).
const javaLib = path.join(repoRoot, 'node_modules/@salesforce/code-analyzer-pmd-engine/dist/java-lib');
const classPath = `${javaLib}${path.sep}*`;
const project = JSON.parse(fs.readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8'));
const packageDirs = (project.packageDirectories ?? []).map((entry) => entry.path);
/** Managed packages the Apex may name, with their stub metadata (namespace -> folder in this repository). */
const stubDependencies = [
  { namespace: 'SBQQ', dir: path.join(repoRoot, 'scripts', 'apex-ls-stubs', 'sbqq') },
];

const issues = [];
const report = (file, line, tool, message) =>
  issues.push(`${path.relative(process.cwd(), file)}:${line ?? 1} [${tool}] ${message}`);

function apexFiles(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
      found.push(...apexFiles(full));
    else if (/\.(cls|trigger)$/.test(entry.name)) found.push(full);
  }
  return found;
}

async function checkFormat(files) {
  // The repository's .prettierrc.json applies even when scanning a copy of the project elsewhere.
  const options = (await prettier.resolveConfig(path.join(repoRoot, 'force-app', 'Any.cls'))) ?? {};
  const checkOne = async (file) => {
    const source = fs.readFileSync(file, 'utf8');
    try {
      if (!(await prettier.check(source, { ...options, filepath: file }))) {
        report(
          file,
          1,
          'prettier format',
          `not formatted: run npx prettier --write ${path.relative(process.cwd(), file)}`,
        );
      }
    } catch (error) {
      const line = error?.loc?.start?.line ?? /line (\d+)/.exec(String(error?.message))?.[1];
      report(file, line, 'prettier syntax', String(error?.message ?? error).split('\n')[0]);
    }
  };
  // The native Apex parser runs as a child process per file: a few at a time, not all at once.
  const queue = [...files];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (queue.length > 0) await checkOne(queue.shift());
    }),
  );
  issues.sort();
}

function checkMetaFiles(files) {
  for (const file of files) {
    if (!fs.existsSync(`${file}-meta.xml`))
      report(file, 1, 'meta missing', `${path.basename(file)}-meta.xml is missing`);
  }
}

function javaAvailable() {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    console.error(
      'scan-apex: Java (17 or later) was not found on PATH. apex-ls and PMD need it.\n' +
        '  Debian/Ubuntu (CI): apt-get install -y default-jre-headless',
    );
    return false;
  }
  if (!fs.existsSync(javaLib)) {
    console.error(
      `scan-apex: ${javaLib} is missing: run npm install (devDependency @salesforce/code-analyzer-pmd-engine).`,
    );
    return false;
  }
  return true;
}

// A workspace apex-ls can read: the package directories linked in, plus the stub packages as dependencies.
// The real sfdx-project.json stays free of apex-ls settings, which the sf CLI does not need.
function typeCheckWorkspace() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-apex-ls-'));
  for (const dir of packageDirs) {
    fs.mkdirSync(path.dirname(path.join(work, dir)), { recursive: true });
    fs.symlinkSync(path.join(projectDir, dir), path.join(work, dir), 'dir');
  }
  const forceIgnore = path.join(projectDir, '.forceignore');
  if (fs.existsSync(forceIgnore)) fs.copyFileSync(forceIgnore, path.join(work, '.forceignore'));
  const dependencies = stubDependencies.map(({ namespace, dir }) => {
    const link = path.join('.stubs', namespace.toLowerCase());
    fs.mkdirSync(path.join(work, '.stubs'), { recursive: true });
    fs.symlinkSync(dir, path.join(work, link), 'dir');
    return { namespace, path: link };
  });
  fs.writeFileSync(
    path.join(work, 'sfdx-project.json'),
    JSON.stringify({
      packageDirectories: packageDirs.map((dir, index) => ({ path: dir, default: index === 0 })),
      namespace: '',
      sourceApiVersion: project.sourceApiVersion,
      plugins: { dependencies },
    }),
  );
  return work;
}

// apex-ls reports an unmanaged object whose name matches an object of a dependency namespace (our
// Subscription__c next to CPQ's SBQQ__Subscription__c) as re-defining it; in an org they are two objects.
function isNamespaceShadowWarning(message) {
  const match = /^SObject appears to be re-defining an SObject that already exists '(\w+)'/.exec(
    message.message,
  );
  return (
    match !== null &&
    stubDependencies.some(({ dir }) => fs.existsSync(path.join(dir, 'main', 'objects', match[1])))
  );
}

function checkTypes() {
  const work = typeCheckWorkspace();
  try {
    runApexLs(work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function runApexLs(work) {
  const run = spawnSync(
    'java',
    [
      '-cp',
      classPath,
      'io.github.apexdevtools.apexls.CheckForIssues',
      '-w',
      work,
      '-n',
      '-d',
      'warnings',
      '-f',
      'json',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  // Exit codes: 0 clean, 4 issues found; anything else means the checker itself failed.
  if (run.status !== 0 && run.status !== 4) {
    report(
      projectDir,
      1,
      'apex-ls failure',
      `exit ${run.status}: ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' | ')}`,
    );
    return;
  }
  const start = run.stdout.indexOf('{');
  const parsed = start >= 0 ? JSON.parse(run.stdout.slice(start)) : { files: [] };
  for (const file of parsed.files ?? []) {
    // Paths come through the workspace's links; the real path is the file in the repository.
    const real = fs.existsSync(file.path) ? fs.realpathSync(file.path) : file.path;
    for (const message of file.messages ?? []) {
      if (!isNamespaceShadowWarning(message))
        report(real, message.start?.line, `apex-ls ${message.category}`, message.message);
    }
  }
  if (run.status === 4 && !parsed.files?.some((file) => file.messages?.length)) {
    report(projectDir, 1, 'apex-ls', 'reported issues that could not be read from its output');
  }
}

function checkSecurity(files) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-apex-'));
  try {
    const ruleset = path.join(work, 'rules.xml');
    fs.writeFileSync(
      ruleset,
      `<?xml version="1.0"?>
<ruleset name="apex-security" xmlns="http://pmd.sourceforge.net/ruleset/2.0.0">
  <description>PMD Apex security rules: CRUD/FLS, SOQL injection, sharing, XSS, crypto, named credentials</description>
  <rule ref="category/apex/security.xml"/>
</ruleset>
`,
    );
    const input = path.join(work, 'in.json');
    const output = path.join(work, 'out.json');
    fs.writeFileSync(
      input,
      JSON.stringify({ ruleSetInputFile: ruleset, runDataPerLanguage: { apex: { filesToScan: files } } }),
    );
    // PmdWrapper is Salesforce Code Analyzer's internal entry point: the package version is pinned for it.
    const run = spawnSync(
      'java',
      ['-cp', classPath, 'com.salesforce.sfca.pmdwrapper.PmdWrapper', 'run', input, output],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (run.status !== 0 || !fs.existsSync(output)) {
      report(
        projectDir,
        1,
        'pmd failure',
        `exit ${run.status}: ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' | ')}`,
      );
      return;
    }
    const result = JSON.parse(fs.readFileSync(output, 'utf8'));
    for (const violation of result.violations ?? []) {
      report(
        violation.codeLocation.file,
        violation.codeLocation.startLine,
        `pmd ${violation.rule}`,
        violation.message.trim(),
      );
    }
    for (const error of result.processingErrors ?? []) {
      report(
        error.file ?? projectDir,
        1,
        'pmd processing',
        String(error.message ?? JSON.stringify(error)).split('\n')[0],
      );
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const files = packageDirs.flatMap((dir) =>
  fs.existsSync(path.join(projectDir, dir)) ? apexFiles(path.join(projectDir, dir)) : [],
);
if (files.length === 0) {
  console.error(`scan-apex: no .cls or .trigger files under ${packageDirs.join(', ')} of ${projectDir}`);
  process.exit(1);
}
await checkFormat(files);
checkMetaFiles(files);
const hasJava = javaAvailable();
if (hasJava) {
  checkTypes();
  checkSecurity(files);
}
for (const issue of issues) console.log(issue);
const summary = `scan-apex: ${files.length} Apex files in ${packageDirs.join(', ')}, ${issues.length} issue(s)`;
if (!hasJava) {
  console.error(`${summary}; apex-ls and PMD NOT run (no Java)`);
  process.exit(1);
}
console.log(summary);
process.exit(issues.length > 0 ? 1 : 0);

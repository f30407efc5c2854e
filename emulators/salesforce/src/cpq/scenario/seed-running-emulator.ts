import type { CpqScenarioManifest } from './scenario-manifest.js';
import type { CpqScenarioOptions } from './scenario-options.js';

/**
 * Loads a generated CPQ scenario into a running Salesforce emulator (another process, e.g. the
 * benchmarks' emulator process) through its admin API; the scenario becomes part of the org's seed.
 */
export async function seedCpqScenario(
  baseUrl: string,
  adminToken: string,
  options: CpqScenarioOptions,
): Promise<CpqScenarioManifest> {
  const res = await fetch(`${baseUrl}/__emulator/cpq/scenario`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(options),
  });
  const body = (await res.json()) as unknown;
  if (res.status !== 201)
    throw new Error(`loading the CPQ scenario failed (${res.status}): ${JSON.stringify(body)}`);
  return body as CpqScenarioManifest;
}

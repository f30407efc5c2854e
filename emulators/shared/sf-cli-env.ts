// The environment the Salesforce CLI (`sf`, installed by npm) runs in against the emulator: its own HOME, the
// project's node_modules/.bin first on PATH, and its updater, telemetry and version check off.
import { delimiter } from 'node:path';

export function sfCliEnv(
  home: string,
  binDir: string,
  extraEnv: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: home,
    PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}`,
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    // An npm-installed sf reads SF_AUTOUPDATE_DISABLE but oclif's update hook reads only SF_DISABLE_AUTOUPDATE
    // (@salesforce/cli dist/cli.js configureAutoUpdate, @oclif/plugin-update hooks/init.js): without it every
    // run spawns a detached `sf update --autoupdate` (seen here before it was set).
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    ...extraEnv,
  };
}

// API versions the emulated org serves. Versions 7.0 through 30.0 are retired ("If you request any
// resource or use an operation from a retired API version, REST API returns the 410:GONE error
// code"); 31.0 and later are supported up to the org's release.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/api_rest_eol.htm

export const OLDEST_SUPPORTED_VERSION = 31;
export const NEWEST_VERSION = 65;

export type VersionCheck =
  { ok: true; version: string } | { ok: false; status: 404 | 410; errorCode: string; message: string };

/** Checks the `vNN.N` segment of a data or async API URL. */
export function checkApiVersion(segment: string): VersionCheck {
  const m = /^v?(\d{1,3})\.0$/.exec(segment);
  const major = m ? Number(m[1]) : NaN;
  if (!m || major > NEWEST_VERSION || major < 1) {
    return {
      ok: false,
      status: 404,
      errorCode: 'NOT_FOUND',
      message: 'The requested resource does not exist',
    };
  }
  if (major < OLDEST_SUPPORTED_VERSION) {
    // The status is documented; the body's wording is the emulator's own.
    return {
      ok: false,
      status: 410,
      errorCode: 'API_VERSION_RETIRED',
      message: `API version ${major}.0 is retired and no longer available. Use version ${OLDEST_SUPPORTED_VERSION}.0 or later.`,
    };
  }
  return { ok: true, version: `${major}.0` };
}

/** The `/services/data` directory: every version the org serves. */
export function versionsList() {
  const list = [];
  for (let v = OLDEST_SUPPORTED_VERSION; v <= NEWEST_VERSION; v += 1) {
    list.push({ label: releaseName(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
  }
  return list;
}

/** Labels are release names: 31.0 was Summer '14, then one version per release, three a year. */
function releaseName(version: number): string {
  const i = version - 31;
  const season = ['Summer', 'Winter', 'Spring'][i % 3] ?? 'Summer';
  return `${season} '${14 + Math.floor((i + 2) / 3)}`;
}

// MAPPING_PROFILE: which Salesforce objects the maps write. `default`: this package's objects;
// `ZUORA360_COMPAT`: Zuora 360's own objects and fields, for an org migrating from Zuora 360
// (docs/migrate-from-zuora-360.md; the maps are derived in mapping/mapping-profile.ts).
export const mappingProfiles = ['default', 'ZUORA360_COMPAT'] as const;
export type MappingProfile = (typeof mappingProfiles)[number];

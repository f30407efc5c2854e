// Shape and validation of an AQuA job request (POST /v1/batch-query/): format csv, zip or gzip; version 1.0
// (the default, stateless only) or 1.1; a job name kept to 32 characters; notifyUrl under 5,000
// characters; offset 0..3,600 seconds; sourceData LIVE; queries of type zoql or zoqlexport.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_BatchQueryJob/
import { z } from 'zod';

const flag = z.union([z.boolean(), z.enum(['true', 'false', 'TRUE', 'FALSE', 'True', 'False'])]);

export const aquaQuerySchema = z.object({
  name: z.string().min(1, 'each query needs a name').max(255),
  query: z.string().min(1, 'each query needs a query'),
  type: z.enum(['zoql', 'zoqlexport'], { error: 'type must be zoql or zoqlexport' }),
  apiVersion: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'apiVersion looks like 91.0')
    .optional(),
  deleted: z
    .object({
      column: z.string().min(1).max(255),
      format: z
        .enum(['Numeric', 'Boolean'], { error: 'deleted.format must be Numeric or Boolean' })
        .default('Boolean'),
    })
    .optional(),
});

export const aquaRequestSchema = z.object({
  format: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(['csv', 'zip', 'gzip'], { error: 'format must be csv, zip or gzip' }))
    .default('csv'),
  version: z
    .union([z.string(), z.number()])
    .transform((v) => (typeof v === 'number' ? v.toFixed(1) : v.trim()))
    .pipe(z.enum(['1.0', '1.1'], { error: 'version must be 1.0 or 1.1' }))
    .default('1.0'),
  // "The name of the job. 32 character limit." The reference gives the limit, not a refusal: the emulator keeps
  // the first 32 characters (this project's service sends longer names; see the README).
  name: z
    .string()
    .transform((s) => s.slice(0, 32))
    .default(''),
  encrypted: z.enum(['none', 'pgp'], { error: 'encrypted must be none or pgp' }).default('none'),
  useQueryLabels: flag.default(false),
  dateTimeUtc: flag.optional(),
  partner: z.string().max(255).optional(),
  project: z.string().max(255).optional(),
  incrementalTime: z.string().optional(),
  notifyUrl: z.string().optional(),
  nullReplacement: z.string().max(255).optional(),
  offset: z.number().int().min(0).max(3600).default(0),
  sourceData: z.enum(['LIVE'], { error: 'sourceData must be LIVE' }).optional(),
  queries: z.array(aquaQuerySchema).default([]),
});

export type AquaRequest = z.infer<typeof aquaRequestSchema>;
export type AquaQuery = z.infer<typeof aquaQuerySchema>;

export const isTrue = (v: boolean | string | undefined): boolean => String(v).toLowerCase() === 'true';

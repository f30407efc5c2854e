// What `zuora-sync backfill` was asked for, checked (exit 2 naming the problem) and turned into the spec a
// backfill session keeps in its params.
import { zuoraIdFormat, zuoraIdFormatMessage } from '../zuora/zuora-ids.js';
import { usage } from './cli-context.js';

export interface BackfillOptions {
  readonly scope: string;
  readonly account?: string[];
  readonly object?: string[];
  readonly since?: string;
  readonly until?: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

export function backfillSpec(opts: BackfillOptions): Record<string, unknown> {
  if (!['accounts', 'catalog'].includes(opts.scope))
    throw usage(`--scope must be accounts or catalog (got "${opts.scope}")`);
  // Ids go into ZOQL filters: one that is not an id is refused, never reshaped into another.
  const malformed = (opts.account ?? []).filter((id) => !zuoraIdFormat.test(id));
  if (malformed.length > 0)
    throw usage(
      `--account: ${malformed.map((id) => JSON.stringify(id)).join(', ')}: ${zuoraIdFormatMessage}`,
    );
  for (const [name, value] of [
    ['--since', opts.since],
    ['--until', opts.until],
  ] as const) {
    if (value !== undefined && Number.isNaN(Date.parse(value)))
      throw usage(`${name} must be an ISO date (got "${value}")`);
  }
  if (
    opts.account === undefined &&
    opts.object === undefined &&
    opts.since === undefined &&
    opts.until === undefined
  ) {
    throw usage('backfill needs --account, --object, --since or --until (a whole re-sync is "sync --full")');
  }
  return {
    ...(opts.account === undefined ? {} : { accountIds: opts.account }),
    ...(opts.object === undefined ? {} : { objects: opts.object }),
    ...(opts.since === undefined ? {} : { since: new Date(opts.since).toISOString().slice(0, 19) }),
    ...(opts.until === undefined ? {} : { until: new Date(opts.until).toISOString().slice(0, 19) }),
  };
}

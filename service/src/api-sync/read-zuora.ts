// Reads planned queries through stateless AQuA jobs (at most 50 queries a job; jobs run side by side).
// Why AQuA rather than ZOQL `/v1/action/query` or Object Query: the maps read joined paths
// (`Account.CrmId`, `BillToContact.City`), which only export ZOQL resolves, and one job answers every
// object of an account tree in one snapshot: 1 submit + a few polls + 1 download per object, instead of
// one call per object per page. Stateless mode returns the rows as they are now (no incremental window).
// https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/aqua-api-introduction/limits
// https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/aqua-stateless-and-stateful-modes/stateless-and-stateful-modes
import type { ZuoraRow } from '../mapping/record-rules.js';
import type { ZuoraClient } from '../zuora/zuora-client.js';
import { eachAquaRow, maxAquaQueries, submitAquaJob, waitForAquaJob } from '../zuora/aqua-export.js';
import type { PlannedQuery } from './read-plan.js';

export interface ReadRows {
  readonly query: PlannedQuery;
  readonly rows: readonly ZuoraRow[];
}

export async function readPlanned(
  zuora: ZuoraClient,
  queries: readonly PlannedQuery[],
  options: { readonly entityId: string | undefined; readonly minPollMs: number; readonly label: string },
): Promise<ReadRows[]> {
  const jobs: PlannedQuery[][] = [];
  for (let i = 0; i < queries.length; i += maxAquaQueries) jobs.push(queries.slice(i, i + maxAquaQueries));
  const answers = await Promise.all(
    jobs.map(async (job, j) => {
      const names = job.map((_, i) => `q${String(j * maxAquaQueries + i)}`);
      const jobId = await submitAquaJob(zuora, {
        name: `${options.label} ${String(j)}`,
        queries: job.map((q, i) => ({ name: names[i] as string, query: q.query })),
        entityId: options.entityId,
      });
      const batches = await waitForAquaJob(zuora, jobId, {
        entityId: options.entityId,
        minPollMs: options.minPollMs,
        maxPollMs: 1_000,
      });
      return Promise.all(
        job.map(async (q, i): Promise<ReadRows> => {
          const batch = batches.find((b) => b.name === names[i]);
          if (batch?.fileId === undefined || batch.recordCount === 0) return { query: q, rows: [] };
          const rows: ZuoraRow[] = [];
          await eachAquaRow(zuora, batch.fileId, options.entityId, (row) => rows.push(row));
          return { query: q, rows };
        }),
      );
    }),
  );
  return answers.flat();
}

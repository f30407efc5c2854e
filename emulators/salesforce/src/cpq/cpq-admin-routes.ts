import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { isSalesforceId, normalizeId } from '../../../shared/salesforce-id.js';
import type { EmulatorContext } from '../emulator-context.js';
import { parseJsonBody, sendError } from '../http/sf-reply.js';
import { amendContractInput, createOrderInput, renewContractInput } from './actions/action-inputs.js';
import { amendContract } from './actions/amend-contract.js';
import { createOrder } from './actions/create-order.js';
import { activateOrder, contractOrderLater } from './actions/order-actions.js';
import { renewContract } from './actions/renew-contract.js';
import { CpqRefusal } from './record-access.js';
import { cpqScenarioOptions } from './scenario/scenario-options.js';

// The sales user's side of CPQ under the authenticated admin API (/__emulator/cpq/...), so tests and
// the demo drive the lifecycle an org runs: create (quote -> ordered), activate, contract (the
// contracting job then runs after the configured delay), amend and renew a contract, and load a
// generated scenario. Errors are Salesforce-shaped: `[{message, errorCode, fields}]`, 4xx.

type IdParams = { Params: { id: string } };

const settingsInput = z.object({ contractingDelayMs: z.number().int().min(0).max(3_600_000) }).strict();

function zodErrors(error: z.ZodError) {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const fields =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((k) => (path ? `${path}.${k}` : k))
        : [path || 'body'];
    const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
    return {
      message: `${path || 'body'}: ${issue.message}`,
      errorCode: missing ? 'REQUIRED_FIELD_MISSING' : 'INVALID_FIELD',
      fields,
    };
  });
}

/** Runs an action and answers with its result, or with the refusal as a 400. */
function answer(reply: FastifyReply, status: number, run: () => unknown) {
  try {
    return reply.code(status).send(run());
  } catch (error) {
    if (error instanceof z.ZodError) return reply.code(400).send(zodErrors(error));
    if (error instanceof CpqRefusal)
      return reply
        .code(400)
        .send(error.errors.map((e) => ({ message: e.message, errorCode: e.statusCode, fields: e.fields })));
    throw error;
  }
}

function bodyOf(raw: unknown, optional = false): unknown {
  if (optional && (raw === undefined || (typeof raw === 'string' && raw.trim() === ''))) return {};
  return parseJsonBody(raw);
}

export function registerCpqAdminRoutes(app: FastifyInstance, ctx: EmulatorContext, reset: () => void): void {
  const rt = ctx.cpq;
  const withId = (reply: FastifyReply, raw: string, run: (id: string) => unknown, status = 200) =>
    isSalesforceId(raw)
      ? answer(reply, status, () => run(normalizeId(raw)))
      : sendError(reply, 404, 'NOT_FOUND', `Not a Salesforce record Id: ${raw}`);

  app.post('/cpq/orders', async (request, reply) =>
    answer(reply, 201, () => createOrder(rt, createOrderInput.parse(bodyOf(request.body)))),
  );
  app.post<IdParams>('/cpq/orders/:id/activate', async (request, reply) =>
    withId(reply, request.params.id, (id) => {
      activateOrder(rt, id);
      return { orderId: id, status: 'Activated' };
    }),
  );
  app.post<IdParams>('/cpq/orders/:id/contract', async (request, reply) =>
    withId(
      reply,
      request.params.id,
      (id) => {
        contractOrderLater(rt, id);
        return { orderId: id, contracting: rt.queue.jobs.get(id) ?? null, delayMs: rt.queue.delayMs };
      },
      202,
    ),
  );
  app.post<IdParams>('/cpq/contracts/:id/amend', async (request, reply) =>
    withId(
      reply,
      request.params.id,
      (id) => amendContract(rt, id, amendContractInput.parse(bodyOf(request.body))),
      201,
    ),
  );
  app.post<IdParams>('/cpq/contracts/:id/renew', async (request, reply) =>
    withId(
      reply,
      request.params.id,
      (id) => renewContract(rt, id, renewContractInput.parse(bodyOf(request.body, true))),
      201,
    ),
  );
  app.get('/cpq/contracting', async () => ({
    delayMs: rt.queue.delayMs,
    pending: rt.queue.pending(),
    jobs: [...rt.queue.jobs.values()],
  }));
  app.put('/cpq/settings', async (request, reply) =>
    answer(reply, 200, () => {
      rt.queue.setDelay(settingsInput.parse(bodyOf(request.body)).contractingDelayMs);
      return { contractingDelayMs: rt.queue.delayMs };
    }),
  );
  app.post('/cpq/scenario', async (request, reply) =>
    answer(reply, 201, () => {
      // The scenario becomes part of the org's seed: later resets load it again.
      rt.scenarioOptions = cpqScenarioOptions.parse(bodyOf(request.body));
      reset();
      return rt.scenario;
    }),
  );
  app.get('/cpq/scenario', async (_request, reply) =>
    rt.scenario ? rt.scenario : sendError(reply, 404, 'NOT_FOUND', 'No CPQ scenario is loaded'),
  );
}

// Accounts and contacts through the v1 REST API: POST /v1/accounts, PUT /v1/accounts/{account-key} (with
// nested billToContact / soldToContact updates; the currency cannot change), POST /v1/contacts,
// GET and PUT /v1/contacts/{contactId}. Every call acts in the request's entity.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Account/
// https://developer.zuora.com/v1-api-reference/api/operation/PUT_Account/
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateContact/
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  accountFieldsProblem,
  accountRecordFields,
  type AccountProblem,
} from '../accounts/account-fields.js';
import { contactView } from '../accounts/contact-fields.js';
import { insertAccount, newAccountProblem, parseNewAccount } from '../accounts/new-account.js';
import { createContact, updateContact } from '../accounts/update-contact.js';
import type { EmulatorContext } from './context.js';
import { entityScope, inEntity } from './entity-scope.js';
import { reason, v1Error } from './errors.js';

const refuse = (reply: FastifyReply, p: AccountProblem, resource: 'account' | 'generic' = 'account') =>
  v1Error(reply, 400, [reason(resource, p.category, p.message)]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export function registerAccountRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/v1/accounts', async (request, reply) => {
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
    const input = parseNewAccount(request.body, '');
    if ('message' in input) return refuse(reply, input);
    const problem = newAccountProblem(ctx.store, input, scope.entityId, ctx.settings, '');
    if (problem !== undefined) return refuse(reply, problem);
    const created = insertAccount(ctx.store, input, scope.entityId ?? ctx.store.defaultEntityId);
    return reply.send({
      success: true,
      accountId: created.account.Id,
      accountNumber: created.account.AccountNumber,
      billToContactId: created.billTo.Id,
      soldToContactId: created.soldTo.Id,
    });
  });

  app.put<{ Params: { key: string } }>('/v1/accounts/:key', async (request, reply) => {
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
    const account = ctx.store.findAccount(request.params.key);
    if (!inEntity(account, scope.entityId))
      return v1Error(reply, 404, [
        reason('account', 'notFound', `Cannot find entity by key: '${request.params.key}'.`),
      ]);
    const body = request.body;
    if (!isObject(body))
      return refuse(reply, { message: 'The request body must be a JSON object.', category: 'malformed' });
    const parsed = accountRecordFields(body, '');
    if ('message' in parsed) return refuse(reply, parsed);
    const { Currency: currency, AccountNumber: number, ...patch } = parsed.fields;
    const a = account.record;
    if (currency !== undefined && currency !== a.Currency)
      return refuse(reply, {
        message: `The currency of account ${String(a.AccountNumber)} cannot be updated (${String(a.Currency)} -> ${String(currency)}).`,
        category: 'ruleRestriction',
      });
    if (number !== undefined && number !== a.AccountNumber)
      return refuse(reply, { message: 'accountNumber cannot be updated.', category: 'ruleRestriction' });
    const problem = accountFieldsProblem(ctx.store, patch, scope.entityId, a.Id, '');
    if (problem !== undefined) return refuse(reply, problem);
    for (const [key, idField] of [
      ['billToContact', 'BillToId'],
      ['soldToContact', 'SoldToId'],
    ] as const) {
      if (body[key] === undefined) continue;
      const contact = ctx.store.get('Contact', String(a[idField]));
      if (contact === undefined) continue;
      const refused = updateContact(ctx.store, contact, body[key], key, ctx.settings);
      if (refused !== undefined) return refuse(reply, refused);
    }
    if (Object.keys(patch).length > 0) ctx.store.update('Account', a.Id, patch);
    return reply.send({ success: true });
  });

  registerContactRoutes(app, ctx);
}

function registerContactRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/v1/contacts', async (request, reply) => {
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
    const body = request.body;
    if (!isObject(body))
      return refuse(reply, { message: 'The request body must be a JSON object.', category: 'malformed' });
    const key = body.accountId ?? body.accountNumber;
    if (typeof key !== 'string' || key === '')
      return refuse(reply, {
        message: 'accountId or accountNumber is required.',
        category: 'missingRequired',
      });
    const account = ctx.store.findAccount(key);
    if (!inEntity(account, scope.entityId))
      return refuse(reply, {
        message: `accountId/accountNumber: no account ${key}.`,
        category: 'invalidValue',
      });
    const created = createContact(ctx.store, account, body);
    if (!created.ok) return refuse(reply, created.problem, 'generic');
    return reply.send({ success: true, ...contactView(created.contact) });
  });

  app.get<{ Params: { id: string } }>('/v1/contacts/:id', async (request, reply) => {
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
    const c = ctx.store.get('Contact', request.params.id);
    if (!inEntity(c, scope.entityId))
      return v1Error(reply, 404, [
        reason('generic', 'notFound', `Cannot find contact ${request.params.id}.`),
      ]);
    return reply.send({ success: true, ...contactView(c.record) });
  });

  app.put<{ Params: { id: string } }>('/v1/contacts/:id', async (request, reply) => {
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
    const c = ctx.store.get('Contact', request.params.id);
    if (!inEntity(c, scope.entityId))
      return v1Error(reply, 404, [
        reason('generic', 'notFound', `Cannot find contact ${request.params.id}.`),
      ]);
    const refused = updateContact(ctx.store, c, request.body, 'body', ctx.settings);
    if (refused !== undefined) return refuse(reply, refused, 'generic');
    return reply.send({ success: true, id: c.record.Id });
  });
}

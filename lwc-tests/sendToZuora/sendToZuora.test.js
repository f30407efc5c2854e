import { createElement } from 'lwc';
import SendToZuora from 'c/sendToZuora';
import getSendContext from '@salesforce/apex/CpqOrderSyncController.getSendContext';
import sendToZuora from '@salesforce/apex/CpqOrderSyncController.sendToZuora';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';

jest.mock('@salesforce/apex/CpqOrderSyncController.getSendContext', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/CpqOrderSyncController.sendToZuora', () => ({ default: jest.fn() }), {
  virtual: true,
});

const ACCOUNT_ID = '001000000000001AAA';
const orderId = (n) => `8010000000000${String(n).padStart(2, '0')}AAA`;
const order = (n, extra = {}) => ({
  id: orderId(n),
  orderNumber: `000001${String(n).padStart(2, '0')}`,
  status: 'Activated',
  activated: true,
  zuoraSyncStatus: null,
  ...extra,
});
const orderContext = (extra = {}) => ({
  objectName: 'Order',
  totalCount: 1,
  maxOrders: 50,
  orders: [order(1, extra)],
});
const accountContext = (count) => ({
  objectName: 'Account',
  totalCount: count,
  maxOrders: 50,
  orders: Array.from({ length: count }, (_, i) => order(i + 1)),
});
const result = (n, status, extra = {}) => ({
  orderId: orderId(n),
  orderNumber: order(n).orderNumber,
  status,
  subscriptionNumbers: [],
  requests: [],
  ...extra,
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const q = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const all = (element, id) => [...element.shadowRoot.querySelectorAll(`[data-id="${id}"]`)];
const text = (element, id) => q(element, id)?.textContent.trim();

async function mount({ recordId = orderId(1), objectApiName = 'Order' } = {}) {
  const element = createElement('c-send-to-zuora', { is: SendToZuora });
  element.objectApiName = objectApiName;
  element.recordId = recordId;
  document.body.appendChild(element);
  await flush();
  return element;
}

async function click(element, id) {
  q(element, id).click();
  await flush();
  await flush();
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.clearAllMocks();
});

describe('c-send-to-zuora on an Order', () => {
  it("sends the order and shows its result in the service's words", async () => {
    getSendContext.mockResolvedValue(orderContext());
    sendToZuora.mockResolvedValue({
      dryRun: false,
      queued: false,
      sessionId: 's-1',
      results: [
        result(1, 'Synced', {
          zuoraOrderNumber: '00000101',
          zuoraAccountNumber: 'A00000042',
          subscriptionNumbers: ['A-S00000017', 'A-S00000018'],
          message: 'Sent to Zuora as order 00000101.',
        }),
      ],
    });
    const element = await mount();
    const refreshed = jest.fn();
    element.addEventListener('lightning__refresh', refreshed);

    expect(getSendContext).toHaveBeenCalledWith({ recordId: orderId(1) });
    expect(text(element, 'plan-message')).toBe('Order 00000101 (Activated) will be sent to Zuora Billing.');
    expect(q(element, 'plan-hint')).toBeNull();

    await click(element, 'send');

    expect(sendToZuora).toHaveBeenCalledTimes(1);
    expect(sendToZuora).toHaveBeenCalledWith({ recordId: orderId(1), dryRun: false });
    expect(text(element, 'summary')).toBe('The order is in Zuora.');
    expect(q(element, 'summary').getAttribute('role')).toBe('status');
    expect(q(element, 'results').getAttribute('aria-live')).toBe('polite');
    const [row] = all(element, 'result-row');
    expect(row.textContent).toContain('Order 00000101');
    expect(text(element, 'result-status')).toBe('In Zuora');
    expect(text(element, 'result-message')).toBe('Sent to Zuora as order 00000101.');
    expect(row.textContent).toContain('Zuora account A00000042');
    expect(row.textContent).toContain('Subscriptions: A-S00000017, A-S00000018');
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: orderId(1) }]);
    expect(refreshed).toHaveBeenCalled();
    expect(q(element, 'send').disabled).toBe(true);
    expect(q(element, 'preview').disabled).toBe(true);
  });

  it('previews the Zuora requests without sending, then still lets the user send', async () => {
    getSendContext.mockResolvedValue(orderContext());
    sendToZuora.mockResolvedValue({
      dryRun: true,
      queued: false,
      results: [
        result(1, 'Preview', {
          message: 'Would create subscription for Acme.',
          requests: [
            { method: 'GET', path: '/v1/accounts/A00000042', body: null },
            { method: 'POST', path: '/v1/orders/preview', body: '{\n  "orderNumber" : "00000101"\n}' },
          ],
        }),
      ],
    });
    const element = await mount();
    const refreshed = jest.fn();
    element.addEventListener('lightning__refresh', refreshed);

    await click(element, 'preview');

    expect(sendToZuora).toHaveBeenCalledWith({ recordId: orderId(1), dryRun: true });
    expect(text(element, 'results-heading')).toBe('What would be sent to Zuora');
    expect(text(element, 'summary')).toBe(
      'Preview only: nothing was sent to Zuora and nothing was changed. 2 request(s) for 1 order(s).',
    );
    const requests = q(element, 'result-requests');
    expect(requests.getAttribute('aria-label')).toBe('Zuora requests for order 00000101');
    const items = requests.querySelectorAll('li');
    expect(items).toHaveLength(2);
    expect(items[1].querySelector('code').textContent).toBe('POST /v1/orders/preview');
    expect(items[1].querySelector('pre').textContent).toContain('"orderNumber" : "00000101"');
    expect(notifyRecordUpdateAvailable).not.toHaveBeenCalled();
    expect(refreshed).not.toHaveBeenCalled();
    expect(q(element, 'send').disabled).toBe(false);
  });

  it('says in plain words that the sync service could not be reached', async () => {
    getSendContext.mockResolvedValue(orderContext());
    sendToZuora
      .mockResolvedValueOnce({
        dryRun: false,
        queued: false,
        errorCode: 'SERVICE_UNREACHABLE',
        errorMessage:
          'The Zuora sync service could not be reached through the named credential ZuoraSyncService',
        results: [],
      })
      .mockResolvedValueOnce({
        dryRun: false,
        queued: false,
        errorCode: 'UNAVAILABLE',
        errorMessage: 'Zuora cannot be reached (HTTP 503)',
        results: [],
      });
    const element = await mount();

    await click(element, 'send');
    expect(text(element, 'summary')).toMatch(
      /^Nothing was sent to Zuora\. The sync service could not be reached, so nothing was sent to Zuora\./,
    );
    expect(all(element, 'result-row')).toHaveLength(0);
    expect(notifyRecordUpdateAvailable).not.toHaveBeenCalled();
    expect(q(element, 'send').disabled).toBe(false);

    await click(element, 'send');
    expect(text(element, 'summary')).toBe(
      'Nothing was sent to Zuora. The sync service could not be reached, so nothing was sent to Zuora. Try again in a few minutes.',
    );
  });

  it('warns that only activated orders go to Zuora', async () => {
    getSendContext.mockResolvedValue(orderContext({ status: 'Draft', activated: false }));
    const element = await mount();
    expect(text(element, 'plan-message')).toBe('Order 00000101 (Draft) will be sent to Zuora Billing.');
    expect(text(element, 'plan-hint')).toBe(
      'Only activated orders go to Zuora: activate the order (and contract it) first.',
    );
  });

  it('shows the server refusal as an alert and keeps the actions available', async () => {
    getSendContext.mockResolvedValue(orderContext());
    sendToZuora.mockRejectedValue({
      status: 500,
      body: { message: 'Order 801 was not found or is not visible to you.' },
    });
    const element = await mount();
    await click(element, 'send');
    expect(q(element, 'error').getAttribute('role')).toBe('alert');
    expect(text(element, 'error')).toBe('Order 801 was not found or is not visible to you.');
    expect(q(element, 'send').disabled).toBe(false);
  });

  it('closes the action', async () => {
    getSendContext.mockResolvedValue(orderContext());
    const element = await mount();
    const closed = jest.fn();
    element.addEventListener('close', closed);
    q(element, 'close').click();
    expect(closed).toHaveBeenCalled();
  });
});

describe('c-send-to-zuora on an Account', () => {
  it("lists the orders and shows a partial failure with each order's message and fix", async () => {
    getSendContext.mockResolvedValue({
      ...accountContext(3),
      orders: [
        order(1, { zuoraSyncStatus: 'Synced' }),
        order(2),
        order(3, { status: 'Draft', activated: false }),
      ],
    });
    sendToZuora.mockResolvedValue({
      dryRun: false,
      queued: false,
      results: [
        result(2, 'Synced', { zuoraOrderNumber: '00000102', message: 'Sent to Zuora as order 00000102.' }),
        result(4, 'Waiting', {
          errorCode: 'CPQ-CONTRACTING',
          message: 'The order is not contracted yet; it is sent once CPQ has created its subscriptions.',
        }),
        result(5, 'Failed', {
          errorCode: 'Invalid referenced products',
          message: 'Product "Gold Seat" has no Product Code.',
          fix: 'Fill in the Product Code of "Gold Seat", then send the order again.',
        }),
      ],
    });
    const element = await mount({ recordId: ACCOUNT_ID, objectApiName: 'Account' });

    expect(text(element, 'plan-message')).toBe(
      'Every activated order of this account that is not in Zuora yet will be sent to Zuora Billing (at most 50 in one send).',
    );
    const listed = q(element, 'order-list').querySelectorAll('li');
    expect(listed).toHaveLength(3);
    expect(listed[0].textContent).toContain('Order 00000101');
    expect(listed[0].textContent).toContain('Zuora: Synced');
    expect(listed[1].textContent).toContain('Not sent to Zuora yet');

    await click(element, 'send');

    expect(sendToZuora).toHaveBeenCalledWith({ recordId: ACCOUNT_ID, dryRun: false });
    expect(text(element, 'summary')).toBe('1 of 3 orders are in Zuora. 1 waiting. 1 failed.');
    expect(q(element, 'summary').className).toContain('slds-theme_error');
    const rows = all(element, 'result-row');
    expect(rows).toHaveLength(3);
    expect(rows[1].textContent).toContain('Waiting');
    expect(rows[1].textContent).toContain('sent once CPQ has created its subscriptions');
    expect(rows[2].querySelector('[data-id="result-status"]').textContent).toBe('Failed');
    expect(rows[2].querySelector('[data-id="result-message"]').textContent).toBe(
      'Product "Gold Seat" has no Product Code.',
    );
    expect(rows[2].querySelector('[data-id="result-fix"]').textContent).toBe(
      'What to do: Fill in the Product Code of "Gold Seat", then send the order again.',
    );
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([
      { recordId: ACCOUNT_ID },
      { recordId: orderId(2) },
      { recordId: orderId(4) },
      { recordId: orderId(5) },
    ]);
  });

  it('says when the account had nothing left to send', async () => {
    getSendContext.mockResolvedValue(accountContext(1));
    sendToZuora.mockResolvedValue({ dryRun: false, queued: false, results: [] });
    const element = await mount({ recordId: ACCOUNT_ID, objectApiName: 'Account' });
    await click(element, 'send');
    expect(text(element, 'summary')).toBe(
      'No order of this account needed sending: its activated orders are already in Zuora.',
    );
  });

  it('shows why the orders could not be loaded', async () => {
    getSendContext.mockRejectedValue({
      status: 500,
      body: { message: 'Account 001 was not found or is not visible to you.' },
    });
    const element = await mount({ recordId: ACCOUNT_ID, objectApiName: 'Account' });
    expect(text(element, 'error')).toBe('Account 001 was not found or is not visible to you.');
    expect(q(element, 'send').disabled).toBe(true);
    expect(q(element, 'preview').disabled).toBe(true);
  });
});

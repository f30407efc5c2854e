import { createElement } from 'lwc';
import SyncFromZBilling from 'c/syncFromZBilling';
import getBillingAccounts from '@salesforce/apex/OnDemandSyncController.getBillingAccounts';
import syncBillingAccounts from '@salesforce/apex/OnDemandSyncController.syncBillingAccounts';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';

jest.mock('@salesforce/apex/OnDemandSyncController.getBillingAccounts', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/OnDemandSyncController.syncBillingAccounts', () => ({ default: jest.fn() }), {
  virtual: true,
});

const ACCOUNT_ID = '001000000000001AAA';
const billingAccount = (n) => ({
  id: `a0X0000000000${String(n).padStart(2, '0')}AAA`,
  name: `Billing ${n}`,
  accountNumber: `A0000${n}`,
  zuoraId: `2c92c0f8a1b2c3d4e5f60718293a4b${String(n).padStart(2, '0')}`,
});
const accountsList = (count) => ({
  uiLimit: 8,
  totalCount: count,
  billingAccounts: Array.from({ length: count }, (_, i) => billingAccount(i + 1)),
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const q = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const text = (element, id) => q(element, id)?.textContent.trim();

async function mount({ recordId = ACCOUNT_ID, objectApiName = 'Account' } = {}) {
  const element = createElement('c-sync-from-z-billing', { is: SyncFromZBilling });
  element.objectApiName = objectApiName;
  element.recordId = recordId;
  document.body.appendChild(element);
  await flush();
  return element;
}

async function clickSync(element) {
  q(element, 'sync').click();
  await flush();
  await flush();
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  jest.clearAllMocks();
});

describe('c-sync-from-z-billing on an Account', () => {
  it('lists the billing accounts, syncs them all and shows each result', async () => {
    getBillingAccounts.mockResolvedValue(accountsList(2));
    syncBillingAccounts.mockResolvedValue({
      queued: false,
      sessionId: 's-1',
      results: [
        { objectId: ACCOUNT_ID, salesforceId: billingAccount(1).id, success: true, status: 'Succeeded' },
        { objectId: ACCOUNT_ID, salesforceId: billingAccount(2).id, success: true, status: 'Succeeded' },
      ],
    });
    const element = await mount();
    const refreshed = jest.fn();
    element.addEventListener('lightning__refresh', refreshed);

    expect(getBillingAccounts).toHaveBeenCalledWith({ recordId: ACCOUNT_ID });
    expect(text(element, 'plan-message')).toBe(
      'The 2 billing accounts of this account will be synced from Zuora.',
    );
    expect(q(element, 'account-list').querySelectorAll('li')).toHaveLength(2);

    await clickSync(element);

    expect(syncBillingAccounts).toHaveBeenCalledWith({ recordId: ACCOUNT_ID, billingAccountIds: [] });
    expect(text(element, 'summary')).toBe('All 2 billing accounts were synced.');
    expect(q(element, 'summary').getAttribute('role')).toBe('status');
    expect(q(element, 'results').getAttribute('aria-live')).toBe('polite');
    const rows = element.shadowRoot.querySelectorAll('[data-id="result-row"]');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Billing 1 (A00001)');
    expect(rows[0].textContent).toContain('Synced');
    expect(refreshed).toHaveBeenCalled();
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([
      { recordId: ACCOUNT_ID },
      { recordId: billingAccount(1).id },
      { recordId: billingAccount(2).id },
    ]);
    expect(q(element, 'sync').disabled).toBe(true);
  });

  it('still shows the results and refreshes the page when Lightning Data Service cannot be notified', async () => {
    getBillingAccounts.mockResolvedValue(accountsList(1));
    syncBillingAccounts.mockResolvedValue({
      queued: false,
      results: [
        { objectId: ACCOUNT_ID, salesforceId: billingAccount(1).id, success: true, status: 'Succeeded' },
      ],
    });
    notifyRecordUpdateAvailable.mockRejectedValueOnce(new Error('LDS unavailable'));
    const element = await mount();
    const refreshed = jest.fn();
    element.addEventListener('lightning__refresh', refreshed);

    await clickSync(element);

    expect(text(element, 'summary')).toBe('The billing account was synced.');
    expect(q(element, 'error')).toBeNull();
    expect(refreshed).toHaveBeenCalled();
  });

  it('shows a partial failure with the error in plain words', async () => {
    getBillingAccounts.mockResolvedValue(accountsList(2));
    syncBillingAccounts.mockResolvedValue({
      queued: false,
      results: [
        { objectId: billingAccount(1).id, success: true, status: 'Succeeded' },
        {
          objectId: billingAccount(2).id,
          success: false,
          status: 'Failed',
          errorCode: 'INVALID_CRM_ACCOUNT_ID',
          errorMessage: 'CRM ID 001xx does not exist',
        },
      ],
    });
    const element = await mount();
    await clickSync(element);

    expect(text(element, 'summary')).toBe('1 of 2 billing accounts were synced; 1 failed.');
    const failedRow = element.shadowRoot.querySelectorAll('[data-id="result-row"]')[1];
    expect(failedRow.textContent).toContain('Failed');
    expect(failedRow.textContent).toContain('does not match a Salesforce account');
  });

  it('with more than 8 billing accounts, explains why and lets the user pick up to 8', async () => {
    getBillingAccounts.mockResolvedValue(accountsList(10));
    syncBillingAccounts.mockResolvedValue({ queued: false, results: [] });
    const element = await mount();

    expect(text(element, 'plan-message')).toBe(
      'This account has 10 billing accounts, but one sync from Salesforce can include at most 8. Choose up to 8 below.',
    );
    expect(q(element, 'sync').disabled).toBe(true);
    expect(text(element, 'selection')).toBe('0 of 8 selected.');
    expect(q(element, 'selection').getAttribute('aria-live')).toBe('polite');

    const boxes = () => [...q(element, 'chooser').querySelectorAll('lightning-input')];
    expect(boxes()).toHaveLength(10);
    for (const box of boxes().slice(0, 8)) {
      box.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
      await flush();
    }
    expect(text(element, 'selection')).toBe('8 of 8 selected: the most one sync can include.');
    expect(boxes()[8].disabled).toBe(true);
    expect(boxes()[0].disabled).toBe(false);

    boxes()[9].dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    await flush();
    expect(text(element, 'selection')).toBe('You can choose at most 8 billing accounts for one sync.');

    boxes()[0].dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
    await flush();
    expect(text(element, 'selection')).toBe('7 of 8 selected.');

    await clickSync(element);
    const expectedIds = accountsList(8)
      .billingAccounts.slice(1, 8)
      .map((row) => row.id);
    expect(syncBillingAccounts).toHaveBeenCalledWith({
      recordId: ACCOUNT_ID,
      billingAccountIds: expectedIds,
    });
  });

  it('says so in plain words when the sync service is unreachable', async () => {
    getBillingAccounts.mockResolvedValue(accountsList(1));
    syncBillingAccounts.mockResolvedValue({
      queued: false,
      errorCode: 'SERVICE_UNREACHABLE',
      errorMessage: 'Unable to tunnel through proxy',
      results: [{ objectId: ACCOUNT_ID, success: false, status: 'Failed', errorCode: 'SERVICE_UNREACHABLE' }],
    });
    const element = await mount();
    await clickSync(element);

    expect(text(element, 'summary')).toMatch(
      /^Nothing was synced\. Salesforce could not reach the Zuora sync service\./,
    );
    expect(element.shadowRoot.querySelectorAll('[data-id="result-row"]')).toHaveLength(0);
  });

  it('shows the server refusal (limit enforced in Apex) as an alert', async () => {
    getBillingAccounts.mockResolvedValue(accountsList(3));
    syncBillingAccounts.mockRejectedValue({
      status: 500,
      body: { message: 'This account has 12 billing accounts; choose up to 8 to sync.' },
    });
    const element = await mount();
    await clickSync(element);

    expect(q(element, 'error').getAttribute('role')).toBe('alert');
    expect(text(element, 'error')).toBe('This account has 12 billing accounts; choose up to 8 to sync.');
    expect(q(element, 'sync').disabled).toBe(false);
  });

  it('offers a sync from Zuora when the account has no billing accounts yet', async () => {
    getBillingAccounts.mockResolvedValue(accountsList(0));
    syncBillingAccounts.mockResolvedValue({ queued: false, results: [] });
    const element = await mount();

    expect(text(element, 'plan-message')).toMatch(/no billing accounts in Salesforce yet/);
    expect(q(element, 'account-list')).toBeNull();
    await clickSync(element);
    expect(syncBillingAccounts).toHaveBeenCalledWith({ recordId: ACCOUNT_ID, billingAccountIds: [] });
    expect(text(element, 'summary')).toBe('Zuora found no billing accounts to sync for this record.');
  });

  it('shows why the billing accounts could not be loaded', async () => {
    getBillingAccounts.mockRejectedValue({
      status: 500,
      body: { message: 'Insufficient access to CustomerAccount__c' },
    });
    const element = await mount();

    expect(text(element, 'error')).toBe('Insufficient access to CustomerAccount__c');
    expect(q(element, 'sync').disabled).toBe(true);
  });

  it('closes the action', async () => {
    getBillingAccounts.mockResolvedValue(accountsList(1));
    const element = await mount();
    const closed = jest.fn();
    element.addEventListener('close', closed);
    q(element, 'close').click();
    expect(closed).toHaveBeenCalled();
  });
});

describe('c-sync-from-z-billing on a Billing Account', () => {
  it('syncs that one billing account', async () => {
    const one = billingAccount(1);
    getBillingAccounts.mockResolvedValue({ uiLimit: 8, totalCount: 1, billingAccounts: [one] });
    syncBillingAccounts.mockResolvedValue({
      queued: false,
      results: [{ objectId: one.id, salesforceId: one.id, success: true, status: 'Succeeded' }],
    });
    const element = await mount({ recordId: one.id, objectApiName: 'CustomerAccount__c' });

    expect(text(element, 'plan-message')).toBe('Billing account Billing 1 will be synced from Zuora.');
    await clickSync(element);
    expect(syncBillingAccounts).toHaveBeenCalledWith({ recordId: one.id, billingAccountIds: [] });
    expect(text(element, 'summary')).toBe('The billing account was synced.');
  });

  it('tells the user when the sync was queued', async () => {
    const one = billingAccount(1);
    getBillingAccounts.mockResolvedValue({ uiLimit: 8, totalCount: 1, billingAccounts: [one] });
    syncBillingAccounts.mockResolvedValue({
      queued: true,
      jobId: '707000000000001AAA',
      results: [{ objectId: one.id, success: false, status: 'Queued' }],
    });
    const element = await mount({ recordId: one.id, objectApiName: 'CustomerAccount__c' });
    await clickSync(element);
    expect(text(element, 'summary')).toMatch(/queued/);
  });
});

// Shapes the Send to Zuora action receives from CpqOrderSyncController (force-app-cpq), as the platform
// serializes the Apex DTOs: Datetime as an ISO-8601 string, unset fields absent or null.
declare namespace CpqApex {
  type OrderSyncStatus = 'Not Sent' | 'Waiting' | 'Synced' | 'Failed';

  interface OrderRow {
    id: string;
    orderNumber: string;
    status?: string | null;
    activated: boolean;
    zuoraSyncStatus?: OrderSyncStatus | null;
    zuoraOrderNumber?: string | null;
    lastSyncTime?: string | null;
    lastSyncError?: string | null;
  }

  interface SendContext {
    objectName: 'Order' | 'Account';
    totalCount: number;
    maxOrders: number;
    orders: OrderRow[];
  }

  interface ZuoraRequest {
    method: string;
    path: string;
    body?: string | null;
  }

  interface OrderResult {
    orderId: string;
    orderNumber?: string | null;
    status: 'Synced' | 'Waiting' | 'Failed' | 'Preview';
    zuoraOrderNumber?: string | null;
    zuoraAccountNumber?: string | null;
    subscriptionNumbers?: string[] | null;
    errorCode?: string | null;
    message?: string | null;
    fix?: string | null;
    requests?: ZuoraRequest[] | null;
  }

  interface SendOutcome {
    sessionId?: string | null;
    dryRun: boolean;
    queued: boolean;
    jobId?: string | null;
    errorCode?: string | null;
    errorMessage?: string | null;
    results: OrderResult[];
  }
}

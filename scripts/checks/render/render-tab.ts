// Custom object tab (tabs/<Object>.tab-meta.xml) for a main object.

import type { ObjectSpec } from '../model/model-types.js';
import { metadataDocument } from './xml-writer.js';

const MOTIFS: Readonly<Record<string, string>> = {
  Sync_History__c: 'Custom67: Gears',
  BillingEntity__c: 'Custom53: Bell',
  CPQ_Order_Sync__c: 'Custom67: Gears',
};

export function renderTab(object: ObjectSpec): string {
  return metadataDocument('CustomTab', [
    ['customObject', true],
    ['motif', MOTIFS[object.apiName] ?? 'Custom41: Stack of Cash'],
  ]);
}

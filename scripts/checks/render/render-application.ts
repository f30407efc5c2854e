// The "Zuora Sync" Lightning app: the CRM Account tab plus the package's main tabs.

import type { PackageModel } from '../model/model-types.js';
import { metadataDocument, type XmlChild } from './xml-writer.js';

export function renderApplication(model: PackageModel): string {
  return metadataDocument('CustomApplication', [
    [
      'brand',
      [
        ['headerColor', '#0070D2'],
        ['shouldOverrideOrgTheme', false],
      ],
    ],
    ['description', 'Billing data synced from Zuora, sync history and on-demand sync.'],
    ['formFactors', 'Small'],
    ['formFactors', 'Large'],
    ['isNavAutoTempTabsDisabled', false],
    ['isNavPersonalizationDisabled', false],
    ['isNavTabPersistenceDisabled', false],
    ['label', 'Zuora Sync'],
    ['navType', 'Standard'],
    ['tabs', 'standard-Account'],
    ...model.objects.filter((object) => object.main).map((object): XmlChild => ['tabs', object.apiName]),
    ['uiType', 'Lightning'],
  ]);
}

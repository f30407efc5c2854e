// Named credential + external credential for the callout to the sync service. The token is never in
// metadata: the admin enters the principal's ApiToken parameter in Setup after deploying, and the
// external credential turns it into "Authorization: Bearer <token>" with a custom header formula
// (https://help.salesforce.com/s/articleView?id=xcloud.nc_custom_headers_and_api_keys.htm,
//  https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalcredential.htm).

import { EXTERNAL_CREDENTIAL, PRINCIPAL } from '../model/permission-set-specs.js';
import { metadataDocument } from './xml-writer.js';

/** Not a real host (.invalid never resolves): the admin replaces it with the service URL. */
export const PLACEHOLDER_URL = 'https://zuora-sync.example.invalid';

export function renderExternalCredential(): string {
  return metadataDocument('ExternalCredential', [
    ['authenticationProtocol', 'Custom'],
    [
      'description',
      `Bearer token for the zuora-salesforce-sync service. After deploying, open this external credential in Setup, edit the principal ${PRINCIPAL} and add an authentication parameter named ApiToken holding the service's on-demand token (ON_DEMAND_API_TOKEN, accepted on POST /v1/on-demand-syncs only), not its admin API_TOKEN.`,
    ],
    [
      'externalCredentialParameters',
      [
        ['parameterName', PRINCIPAL],
        ['parameterType', 'NamedPrincipal'],
        ['sequenceNumber', 1],
      ],
    ],
    [
      'externalCredentialParameters',
      [
        ['parameterName', 'Authorization'],
        ['parameterType', 'AuthHeader'],
        ['parameterValue', `{!'Bearer ' & $Credential.${EXTERNAL_CREDENTIAL}.ApiToken}`],
        ['sequenceNumber', 1],
      ],
    ],
    ['label', 'Zuora Sync Service'],
  ]);
}

export function renderNamedCredential(): string {
  return metadataDocument('NamedCredential', [
    ['allowMergeFieldsInBody', false],
    // The Authorization header is a formula over $Credential, which needs formulas allowed in headers.
    ['allowMergeFieldsInHeader', true],
    ['calloutStatus', 'Enabled'],
    [
      'description',
      `Endpoint of the zuora-salesforce-sync service. ${PLACEHOLDER_URL} is a placeholder: replace it with your service URL (Setup > Named Credentials > ZuoraSyncService > Edit > URL).`,
    ],
    ['generateAuthorizationHeader', false],
    ['label', 'Zuora Sync Service'],
    [
      'namedCredentialParameters',
      [
        ['parameterName', 'Url'],
        ['parameterType', 'Url'],
        ['parameterValue', PLACEHOLDER_URL],
      ],
    ],
    [
      'namedCredentialParameters',
      [
        ['externalCredential', EXTERNAL_CREDENTIAL],
        ['parameterName', 'ExternalCredential'],
        ['parameterType', 'Authentication'],
      ],
    ],
    ['namedCredentialType', 'SecuredEndpoint'],
  ]);
}

// The form of a Zuora record id, for ids that come from outside (requests, the command line) before they go
// into a ZOQL filter: 32 letters or digits (every object's Id field, "Character Limit: 32"):
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/zobject/field-descriptions-of-zobject
export const zuoraIdFormat = /^[a-zA-Z0-9]{32}$/;
export const zuoraIdFormatMessage = 'expected a Zuora id of 32 letters or digits';

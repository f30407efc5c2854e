// Payment details: bank account numbers and codes, IBAN, card data, gateway tokens, mandate ids, PayPal
// agreement keys, and the device and IP address of the payment. Sales users do not need them to see what a
// customer bought or owes, so Zuora_Sync_User does not read them; Zuora_Sync_Payment_Details grants read on
// exactly these fields to the few users who do (billing operations, collections).

export const PAYMENT_DETAIL_FIELDS: ReadonlyMap<string, readonly string[]> = new Map([
  [
    'PaymentMethod__c',
    [
      'AchAbaCode__c',
      'AchAccountName__c',
      'AchAccountNumberMask__c',
      'BankBranchCode__c',
      'BankCheckDigit__c',
      'BankCode__c',
      'BankIdentificationNumber__c',
      'BankTransferAccountName__c',
      'BankTransferAccountNumber__c',
      'BusinessIdentificationCode__c',
      'CreditCardExpirationMonth__c',
      'CreditCardExpirationYear__c',
      'CreditCardHolderName__c',
      'CreditCardMaskNumber__c',
      'DeviceSessionId__c',
      'IBAN__c',
      'IPAddress__c',
      'MandateID__c',
      'PaypalBaid__c',
      'PaypalEmail__c',
      'PaypalPreapprovalKey__c',
      'Second_Token_ID__c',
      'Token_ID__c',
    ],
  ],
  ['CustomerAccount__c', ['CreditCard_Expiration__c', 'CreditCard_Number__c']],
  ['Payment__c', ['BankIdentificationNumber__c']],
]);

export function isPaymentDetail(objectApiName: string, fieldApiName: string): boolean {
  return PAYMENT_DETAIL_FIELDS.get(objectApiName)?.includes(fieldApiName) ?? false;
}

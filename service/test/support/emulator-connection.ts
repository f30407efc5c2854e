// A jsforce connection to a Salesforce emulator as the service makes it (connect.ts: the OAuth 2.0 username-password
// flow) with the emulator's default connected app and user.
import type jsforce from 'jsforce';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
} from '../../../emulators/salesforce/src/index.js';
import { connectSalesforce } from '../../src/salesforce/connect.js';

export function connectToEmulator(loginUrl: string): Promise<jsforce.Connection> {
  return connectSalesforce({
    loginUrl,
    clientId: DEFAULT_CLIENT_ID,
    clientSecret: DEFAULT_CLIENT_SECRET,
    username: DEFAULT_USERNAME,
    password: DEFAULT_PASSWORD,
    apiVersion: '62.0',
  });
}

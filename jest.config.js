// sfdx-lwc-jest configuration: the LWC tests live in lwc-tests/<component>/ and run against the JavaScript
// `npm run build:lwc` emitted, the files the org receives: `.ts` is left out of the module extensions, so a
// component whose `.js` was not built fails to resolve instead of silently running from its TypeScript source.
// Platform modules the stock stubs do not provide are mapped to lwc-tests/jest-mocks/.
import sfdxLwcJest from '@salesforce/sfdx-lwc-jest/config.js';

const { jestConfig } = sfdxLwcJest;

export default {
  ...jestConfig,
  moduleFileExtensions: ['js', 'html', 'json'],
  roots: ['<rootDir>/lwc-tests'],
  testMatch: ['<rootDir>/lwc-tests/**/*.test.js'],
  moduleNameMapper: {
    '^lightning/actions$': '<rootDir>/lwc-tests/jest-mocks/lightning/actions.js',
  },
};

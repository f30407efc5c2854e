// sfdx-lwc-jest configuration: the LWC tests live in lwc-tests/<component>/, platform modules the stock
// stubs do not provide are mapped to lwc-tests/jest-mocks/.
import sfdxLwcJest from '@salesforce/sfdx-lwc-jest/config.js';

const { jestConfig } = sfdxLwcJest;

export default {
  ...jestConfig,
  roots: ['<rootDir>/lwc-tests'],
  testMatch: ['<rootDir>/lwc-tests/**/*.test.{js,ts}'],
  moduleNameMapper: {
    '^lightning/actions$': '<rootDir>/lwc-tests/jest-mocks/lightning/actions.js',
  },
};

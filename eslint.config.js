// One flat config: type-aware rules for the service, emulators and scripts; LWC rules for the components.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lwc from '@lwc/eslint-plugin-lwc';
import jest from 'eslint-plugin-jest';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.build/**',
      '.data/**',
      '.sfdx/**',
      '.sf/**',
      'coverage/**',
      'mdapi-out/**',
      'force-app/**/lwc/**/*.js',
      'force-app-cpq/**/lwc/**/*.js',
      'force-app/**/staticresources/**',
      'console-ui/dist/**',
    ],
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['service/**/*.ts', 'emulators/**/*.ts', 'scripts/**/*.ts', 'vitest.config.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      // Fastify plugins and handlers are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The console's front end: browser code, type-aware like the service (console-ui/tsconfig.json).
    files: ['console-ui/**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['service/test/**/*.ts', 'emulators/*/test/**/*.ts', 'scripts/**/test/**/*.ts'],
    rules: {
      // Tests read parsed JSON bodies loosely on purpose.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['force-app/**/lwc/**/*.ts', 'force-app-cpq/**/lwc/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { '@lwc/lwc': lwc },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@lwc/lwc/no-api-reassignments': 'error',
      '@lwc/lwc/no-async-operation': 'error',
      '@lwc/lwc/no-document-query': 'error',
      '@lwc/lwc/no-inner-html': 'error',
      '@lwc/lwc/no-leading-uppercase-api-name': 'error',
      '@lwc/lwc/valid-api': 'error',
      '@lwc/lwc/valid-wire': 'error',
      '@lwc/lwc/no-deprecated': 'error',
    },
  },
  {
    files: ['lwc-tests/**/*.{js,ts}', 'jest.config.js'],
    extends: [...tseslint.configs.recommended],
    plugins: { jest },
    languageOptions: { globals: { ...globals.jest, ...globals.node, ...globals.browser } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

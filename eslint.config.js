// Lint with zero warnings (`npm run lint`). Type-aware rules use each folder's own tsconfig, and the local
// `focal/layer-boundaries` rule enforces who may import whom (ARCHITECTURE.md).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layerBoundaries } from './scripts/eslint/layer-boundaries.js';

const tsProjects = [
  './shared/tsconfig.test.json',
  './electron/core/tsconfig.json',
  './electron/main/tsconfig.json',
  './electron/preload/tsconfig.json',
  './electron/host/tsconfig.json',
  './electron/cli/tsconfig.json',
  './renderer/tsconfig.test.json',
  './tests/tsconfig.json',
  './scripts/tsconfig.json',
  './bench/tsconfig.json',
];

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { project: tsProjects, tsconfigRootDir: import.meta.dirname } },
    plugins: { focal: { rules: { 'layer-boundaries': layerBoundaries } } },
    rules: {
      'focal/layer-boundaries': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Core entry points are async because the stores behind them will await; an async body without await is harmless.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'Focused tests must not be committed.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
);

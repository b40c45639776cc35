// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import solid from 'eslint-plugin-solid/configs/typescript';
import globals from 'globals';

// The layers of docs/decisions/0001-layers.md, enforced: the engine and the file format are pure
// and may be used from the worker, the CLI and Node tests, so they may not reach the UI, storage,
// the worker protocol, or any library that needs a browser.
const pureLayerImports = {
  patterns: [
    { group: ['**/ui/**', '**/storage/**', '**/client/**', '**/app/**', '**/cli/**', '**/workers/**'],
      message: 'src/engine and src/format are pure: they may not import UI, storage, client, CLI or worker code.' },
    { group: ['solid-js', 'solid-js/*', 'dexie', 'comlink', 'ag-grid-community', 'ag-grid-*', 'node:*', 'hyperformula'],
      message: 'src/engine and src/format may not use UI, storage, worker or Node libraries.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // User text never reaches HTML parsing: cells and messages are built as text nodes.
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Build DOM nodes; never parse strings as HTML.' },
        { property: 'outerHTML', message: 'Build DOM nodes; never parse strings as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM nodes; never parse strings as HTML.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "JSXAttribute[name.name='innerHTML']", message: 'No innerHTML with Solid: user text must stay text.' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...solid,
  },
  {
    // The session is state and plumbing, not a component: its callbacks read signals on purpose
    // outside tracking scopes.
    files: ['src/app/session.ts'],
    rules: { 'solid/reactivity': 'off' },
  },
  {
    // Solid assigns `let el!: HTMLElement` refs through JSX, which this core rule cannot see.
    files: ['src/**/*.tsx'],
    rules: { 'no-unassigned-vars': 'off' },
  },
  {
    // Playwright fixtures declare "no dependencies" with an empty pattern.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['src/engine/**/*.ts', 'src/format/**/*.ts', 'src/i18n/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', pureLayerImports] },
  },
  {
    // HyperFormula (GPL) is a dev-time benchmark comparator: it never ships.
    files: ['src/**/*.{ts,tsx}', 'workers/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['src/engine/**', 'src/format/**', 'src/i18n/**', 'src/ui/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'hyperformula', message: 'HyperFormula is GPL: only bench/ may use it, as a comparator.' }] }] },
  },
  {
    // The UI reaches storage and the worker only through their adapters.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['dexie', 'comlink', '**/workers/**'], message: 'The UI calls src/storage and src/client, never Dexie or the worker directly.' },
        { group: ['hyperformula'], message: 'HyperFormula is GPL: only bench/ may use it, as a comparator.' },
      ] }],
    },
  },
);

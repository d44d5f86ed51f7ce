// Lint: TypeScript rules plus the folder boundaries of ARCHITECTURE.md.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'stream', 'zlib'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      ...restrict(['electron', 'electron/*', ...nodeBuiltins, 'better-sqlite3', '**/electron/**'], 'renderer/ talks to the backend only through lib/api (no electron, Node or backend imports)'),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(['electron', 'electron/*', 'react', 'react-dom', 'react/*', ...nodeBuiltins, 'better-sqlite3', '**/electron/**', '**/renderer/**'], 'shared/ is pure: no electron, Node, React or side-specific imports'),
  },
  {
    files: ['electron/core/**/*.ts', 'electron/browser-host/**/*.ts', 'electron/cli/**/*.ts', 'electron/utility/**/*.ts'],
    rules: restrict(['electron', 'electron/*', '**/renderer/**'], 'the backend core runs under plain Node: no electron imports'),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='contextBridge']", message: 'only electron/preload touches contextBridge' },
        { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'only electron/preload touches ipcRenderer' },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['tests/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);

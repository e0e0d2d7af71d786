// Lint: typescript-eslint's strict rules, plus the determinism fence around core and modules.
import tseslint from 'typescript-eslint';

const impureGlobals = ['Date', 'process', 'Buffer', 'setTimeout', 'setInterval', 'setImmediate', 'performance', 'crypto', 'fetch'].map((name) => ({
  name,
  message: 'core and modules are deterministic: no clock, randomness, env, disk or network (ARCHITECTURE.md).',
}));

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '.tmp/**', 'packages/web/**'] },
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'complexity': ['error', 25],
      'no-restricted-syntax': [
        'error',
        { selector: "ThrowStatement > NewExpression[callee.name='Error']", message: 'Throw GongxinError with a stable code.' },
        { selector: 'ExportAllDeclaration', message: 'Export names one by one.' },
      ],
    },
  },
  {
    files: ['packages/core/src/**/*.ts', 'packages/modules/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'No randomness in core/modules.' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'core and modules import no I/O.' }] }],
    },
  },
  {
    files: ['**/*.test.ts', 'scripts/**', 'bench/**', 'vectors/**'],
    rules: { 'no-restricted-syntax': 'off', 'complexity': 'off' },
  },
);

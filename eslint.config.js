// ESLint flat config. The key rule: src/core is pure and never imports Ink, React or the UI, so
// every core module runs (and is tested) without a terminal.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'evals/**', 'bench/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'ink', message: 'src/core must stay free of UI code: move rendering to src/ui.' },
          { name: 'react', message: 'src/core must stay free of UI code: move rendering to src/ui.' },
          { name: 'ink-text-input', message: 'src/core must stay free of UI code.' },
          { name: 'ink-spinner', message: 'src/core must stay free of UI code.' },
        ],
        patterns: [{ group: ['**/ui/*', '**/ui', '**/cli/*', 'ink/*', 'react/*'], message: 'src/core must not import from src/ui or src/cli.' }],
      }],
    },
  },
);

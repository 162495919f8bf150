import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'dist/**'],
    testTimeout: 20000,
    globalSetup: ['test/globalSetup.ts'],
    // CI sets CI=true; Ink then renders only final frames, which the UI tests must see as a user does.
    env: { CI: 'false', CONTINUOUS_INTEGRATION: 'false' },
  },
});

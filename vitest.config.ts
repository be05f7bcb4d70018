import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The e2e suites share one built renderer and start their own servers on free ports.
    fileParallelism: true,
    maxWorkers: 2,
  },
});

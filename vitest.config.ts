import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    // The browser suites wait for what a user would see within seconds; beside the kill -9
    // suites (dozens of child processes on 2 cores) they waited past their limits. So the
    // browser suites run after everything else, two files at a time (they share one built
    // renderer and start their own servers on free ports).
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'], sequence: { groupOrder: 0 } },
      },
      { extends: true, test: { name: 'browser', include: ['tests/e2e/**/*.test.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: two files at a time, each on its own database cloned from the migrated template.
    maxWorkers: 2,
    // Test files share each worker's loaded modules (every file builds its own app on its own database): the suite
    // took 320-350 s with a fresh module graph per file, 259 s without (November 2026).
    isolate: false,
  },
});

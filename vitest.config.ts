import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Three kinds of tests (../shared/DESIGN.md): the pure core in Node, components in happy-dom,
// and end-to-end tests that drive the built extension in real Chromium. `npm run test:unit`
// selects the first two; the e2e project needs a build and a network namespace, so it runs only
// through `npm run test:e2e` (tests/e2e/run.sh).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/load-languages.ts'],
        },
      },
      {
        plugins: [preact()],
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['tests/load-languages.ts', 'tests/component/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Some read labels through translator(), as the unit and component tests do.
          setupFiles: ['tests/load-languages.ts'],
          // Each file starts several Chromiums and the signaling proxy on a fixed port: one file
          // at a time, and in steps that may each wait for a WebRTC mesh.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});

import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Three kinds of tests (../shared/DESIGN.md): the pure core in Node, components in happy-dom,
// and end-to-end tests that drive the built extension in real Chromium (run by `npm run test:e2e`).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [preact()],
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['tests/component/setup.ts'],
        },
      },
    ],
  },
});

import { cleanup } from '@testing-library/preact';
import { afterEach, beforeAll } from 'vitest';
import { preloadLazyParts } from '../../components/lazy-parts';

// The parts the app fetches on demand (components/lazy-parts.tsx) are fetched before the tests,
// so a test finds them on screen at once, as a person does once they have arrived.
// tests/component/lazy.test.tsx covers the fetching itself.
beforeAll(() => preloadLazyParts());
afterEach(() => cleanup());

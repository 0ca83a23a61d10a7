import { screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app';

describe('home screen', () => {
  it('offers new session, join session and an empty list of my sessions (English)', async () => {
    await renderApp({ languages: ['en-US'] });
    expect(screen.getByRole('button', { name: 'New session' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Join session' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'My sessions' })).toBeTruthy();
    expect(screen.getByText('Sessions you start or join on this device appear here.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Settings' })).toBeTruthy();
  });

  it('speaks Dutch to a Dutch browser', async () => {
    await renderApp({ languages: ['nl-NL', 'en'] });
    expect(screen.getByRole('button', { name: 'Nieuwe sessie' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Deelnemen aan sessie' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Mijn sessies' })).toBeTruthy();
  });

  it('falls back to English for other languages', async () => {
    await renderApp({ languages: ['de-DE', 'fr'] });
    expect(screen.getByRole('button', { name: 'New session' })).toBeTruthy();
  });
});

import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { lazyComponent } from '../../components/lazy';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

/** A chunk that arrives when the test says so, or fails. */
function controlledChunk() {
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let fetches = 0;
  const load = () => {
    fetches += 1;
    return new Promise<typeof Greeting>((resolve, reject) => {
      pending.push({ resolve: () => resolve(Greeting), reject });
    });
  };
  return { load, pending, fetches: () => fetches };
}

function Failed({ retry }: { retry: () => void }) {
  return (
    <button type="button" onClick={retry}>
      Try again
    </button>
  );
}

describe('a part fetched on demand', () => {
  it('shows its placeholder until the code arrives, then the part with its props', async () => {
    const chunk = controlledChunk();
    const Lazy = lazyComponent(chunk.load, { placeholder: () => <p>Loading</p> });
    render(<Lazy name="Ada" />);
    expect(screen.getByText('Loading')).toBeTruthy();
    chunk.pending[0]?.resolve();
    expect(await screen.findByText('Hello Ada')).toBeTruthy();
    expect(screen.queryByText('Loading')).toBeNull();
  });

  it('fetches once, and renders at once wherever it is used after that', async () => {
    const chunk = controlledChunk();
    const Lazy = lazyComponent(chunk.load);
    render(
      <>
        <Lazy name="Ada" />
        <Lazy name="Bo" />
      </>,
    );
    chunk.pending[0]?.resolve();
    await screen.findByText('Hello Bo');
    render(<Lazy name="Cy" />);
    expect(screen.getByText('Hello Cy')).toBeTruthy();
    expect(chunk.fetches()).toBe(1);
  });

  it('says so when the code does not arrive, and tries again when asked', async () => {
    const chunk = controlledChunk();
    const Lazy = lazyComponent(chunk.load, { failed: Failed });
    const logged = console.error;
    console.error = () => {};
    try {
      render(<Lazy name="Ada" />);
      chunk.pending[0]?.reject(new Error('chunk gone'));
      fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
      expect(chunk.fetches()).toBe(2);
      chunk.pending[1]?.resolve();
      expect(await screen.findByText('Hello Ada')).toBeTruthy();
    } finally {
      console.error = logged;
    }
  });
});

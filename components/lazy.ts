import { type ComponentType, h, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A component whose code is in a chunk of its own, fetched the first time it is rendered. */
export interface LazyComponent<P> {
  (props: P): VNode | null;
  /** Starts fetching the code (once); resolves when the component renders at once. */
  preload(): Promise<void>;
}

export interface LazyOptions<P> {
  /** Shown while the code loads, e.g. a box of the same size; nothing when absent. */
  readonly placeholder?: ComponentType<P>;
  /** Shown when the code could not be fetched (offline, or the page was updated meanwhile). */
  readonly failed?: ComponentType<{ readonly retry: () => void }>;
}

/**
 * Code splitting without Suspense: `load` is a dynamic `import()`, so the bundler puts the
 * component (and what only it uses) in a chunk of its own that the first screen does not load.
 * Once fetched, every later render is synchronous, as with a static import. A failed fetch is
 * forgotten, so the next mount, or `retry`, tries again.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  options: LazyOptions<P> = {},
): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<void> | null = null;
  const preload = (): Promise<void> => {
    loading ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };

  function Lazy(props: P): VNode | null {
    const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (loaded) return;
      let mounted = true;
      preload().then(
        () => mounted && setState('ready'),
        (error: unknown) => {
          console.error('Kring: a part of the app did not load', error);
          if (mounted) setState('failed');
        },
      );
      return () => {
        mounted = false;
      };
    }, [attempt]);
    if (loaded) return h(loaded as ComponentType<object>, props);
    if (state === 'failed' && options.failed) {
      const retry = () => {
        setState('loading');
        setAttempt(attempt + 1);
      };
      return h(options.failed, { retry }) as VNode;
    }
    return options.placeholder ? h(options.placeholder as ComponentType<object>, props) : null;
  }
  return Object.assign(Lazy, { preload });
}

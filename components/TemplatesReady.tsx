import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from './app-context';
import { ScreenLoadFailed } from './lazy-parts';

/**
 * Renders its screen once the templates are there (lib/app/templates-on-demand.ts): the screens
 * that choose, show or edit templates need them on their first render. A fetch that failed
 * (offline) offers to try again, like a lazy screen does.
 */
export function TemplatesReady({ children }: { readonly children: VNode }) {
  const app = useApp();
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // `attempt` is in the list on purpose: Retry changes it, which runs the effect again.
  useEffect(() => {
    app.loadTemplates().catch(() => setFailed(true));
  }, [app, attempt]);
  if (failed) {
    const retry = () => {
      setFailed(false);
      setAttempt((n) => n + 1);
    };
    return <ScreenLoadFailed retry={retry} />;
  }
  return app.templatesLoaded.value ? children : null;
}

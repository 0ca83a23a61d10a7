import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AppModel } from '../lib/app/app-model';
import type { Translate } from '../lib/i18n/translate';

export const AppContext = createContext<AppModel | null>(null);

export function useApp(): AppModel {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp() outside <AppContext.Provider>');
  return app;
}

/** The translate function of the current interface language. */
export function useT(): Translate {
  return useApp().t.value;
}

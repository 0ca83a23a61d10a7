import type { AppModel } from '../lib/app/app-model';
import { AppContext, useApp, useT } from './app-context';
import { Home } from './Home';
import { Join } from './Join';
import {
  LazyContinueSession,
  LazyGuide,
  LazyNewSession,
  LazySettings,
  LazyTemplateEditor,
} from './lazy-parts';
import { leaveThen } from './leave-guard';
import { SessionScreen } from './session/SessionScreen';
import { TemplatesReady } from './TemplatesReady';
import { Toast } from './Toast';

export function App({ app }: { app: AppModel }) {
  return (
    <AppContext.Provider value={app}>
      <Shell />
    </AppContext.Provider>
  );
}

function Shell() {
  const app = useApp();
  const t = useT();
  const route = app.route.value;
  const current = app.current.value;
  // The interface language's texts arrive by themselves (lib/i18n/translate.ts): until then an
  // empty app, not its keys for a moment. Once ready, whatever there is (keys only when the
  // fetch failed, a page left open across an update).
  if (!app.textsReady.value && !app.ready.value) return <div class="app" />;
  return (
    <div class="app" lang={app.locale.value}>
      <header class="app-bar">
        {route.name !== 'home' && route.name !== 'session' ? (
          <button
            type="button"
            class="icon-button"
            onClick={() =>
              leaveThen(() =>
                app.go(
                  route.name === 'guide' || route.name === 'template'
                    ? (route.back ?? { name: 'new' })
                    : { name: 'home' },
                ),
              )
            }
            aria-label={t('nav.back')}
          >
            <svg aria-hidden="true" viewBox="0 0 16 16" width="18" height="18">
              <path
                d="M10 3L5 8l5 5"
                stroke="currentColor"
                stroke-width="2"
                fill="none"
                stroke-linecap="round"
                stroke-linejoin="round"
              />
            </svg>
          </button>
        ) : (
          <span class="logo" aria-hidden="true" />
        )}
        <span class="app-name">{t('app.name')}</span>
        {route.name !== 'settings' && route.name !== 'session' && (
          <button
            type="button"
            class="icon-button"
            onClick={() => leaveThen(() => app.go({ name: 'settings' }))}
            aria-label={t('nav.settings')}
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
              <path
                fill="currentColor"
                d="M19.4 13a7.5 7.5 0 0 0 0-2l2-1.6-2-3.4-2.4 1a7 7 0 0 0-1.7-1L15 3.5h-4L10.6 6a7 7 0 0 0-1.7 1l-2.4-1-2 3.4 2 1.6a7.5 7.5 0 0 0 0 2l-2 1.6 2 3.4 2.4-1a7 7 0 0 0 1.7 1l.4 2.5h4l.4-2.5a7 7 0 0 0 1.7-1l2.4 1 2-3.4zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
                transform="translate(-1 0)"
              />
            </svg>
          </button>
        )}
      </header>
      {!app.ready.value ? null : route.name === 'home' ? (
        <Home />
      ) : route.name === 'new' ? (
        <TemplatesReady>
          <LazyNewSession />
        </TemplatesReady>
      ) : route.name === 'join' ? (
        <Join initialCode={route.code} />
      ) : route.name === 'settings' ? (
        <LazySettings />
      ) : route.name === 'guide' ? (
        <TemplatesReady>
          <LazyGuide templateId={route.templateId} locale={route.locale} back={route.back} />
        </TemplatesReady>
      ) : route.name === 'template' ? (
        <TemplatesReady>
          <LazyTemplateEditor key={`${route.id}:${route.copyOf}`} route={route} />
        </TemplatesReady>
      ) : route.name === 'continue' ? (
        <TemplatesReady>
          <LazyContinueSession key={route.roomName} roomName={route.roomName} />
        </TemplatesReady>
      ) : current ? (
        <SessionScreen entry={current.entry} session={current.model} />
      ) : (
        <Home />
      )}
      <Toast />
    </div>
  );
}

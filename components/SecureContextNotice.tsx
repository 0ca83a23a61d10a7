import { pickLocale, translator } from '../lib/i18n/translate';
import { LOCALES, type Locale } from '../lib/locale';
import type { PageProblem } from '../lib/platform/web';

/**
 * Shown by the web page instead of the app when the browser cannot run Kring here (see
 * `pageProblem`). It says what is wrong and what to do, in both languages, the browser's own
 * first: whoever reads it may have a phone set to the other one.
 */
export function SecureContextNotice({
  problem,
  languages,
  pageUrl,
}: {
  problem: PageProblem;
  languages: readonly string[];
  pageUrl: string;
}) {
  const first = pickLocale(languages);
  const order = [first, ...LOCALES.filter((locale) => locale !== first)];
  return (
    <div class="app">
      <header class="app-bar">
        <span class="logo" aria-hidden="true" />
        <span class="app-name">{translator(first)('app.name')}</span>
      </header>
      <main class="screen page-problem">
        {order.map((locale) => (
          <ProblemText key={locale} locale={locale} problem={problem} pageUrl={pageUrl} />
        ))}
      </main>
    </div>
  );
}

function ProblemText({
  locale,
  problem,
  pageUrl,
}: {
  locale: Locale;
  problem: PageProblem;
  pageUrl: string;
}) {
  const t = translator(locale);
  const headingId = `page-problem-${locale}`;
  if (problem === 'no-webcrypto') {
    return (
      <section lang={locale} aria-labelledby={headingId}>
        <h1 id={headingId}>{t('page.noCrypto.title')}</h1>
        <p>{t('page.noCrypto.why')}</p>
        <p>{t('page.noCrypto.fix')}</p>
      </section>
    );
  }
  const { address, secure, local } = addressesFor(pageUrl);
  return (
    <section lang={locale} aria-labelledby={headingId}>
      <h1 id={headingId}>{t('page.insecure.title')}</h1>
      <p>{t('page.insecure.why', { address })}</p>
      <h2>{t('page.whatToDo')}</h2>
      <ul class="page-problem-steps">
        <li>
          {t('page.insecure.https')}
          {secure && (
            <>
              {' '}
              <a href={secure}>{secure}</a>
            </>
          )}
        </li>
        <li>{t('page.insecure.server')}</li>
        <li>
          {t('page.insecure.local')} <a href={local}>{local}</a>
        </li>
      </ul>
    </section>
  );
}

/**
 * The page's own address, and the two that would work: the same over https (only a guess worth
 * showing when no port is given: a port serving http does not serve https too), and localhost
 * on the server's computer. Path and fragment stay, so an invite link keeps its room code.
 */
export function addressesFor(pageUrl: string): {
  address: string;
  secure: string | null;
  local: string;
} {
  const url = new URL(pageUrl);
  const secure =
    url.port === '' ? `https://${url.host}${url.pathname}${url.search}${url.hash}` : null;
  const local = new URL(url.href);
  local.hostname = 'localhost';
  return { address: url.origin, secure, local: local.href };
}

import type { Platform, ShareData } from './types';

/** Browser features shared by the extension and the web page. */
function domDownload(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function domCopyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

function domLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

async function domShare(data: ShareData): Promise<void> {
  await navigator.share({ title: data.title, text: data.text, url: data.url });
}

/** A new tab, not a popup window; `noopener` so the page cannot reach back into this one. */
function domOpenPage(url: string): void {
  window.open(url, '_blank', 'noopener');
}

/** Desktop Chrome on Linux, and Firefox on desktops, have no share sheet: no Share button. */
const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

export type DomParts = Pick<Platform, 'copyText' | 'download' | 'languages' | 'share' | 'openPage'>;

export const domParts: DomParts = {
  copyText: domCopyText,
  download: domDownload,
  languages: domLanguages,
  openPage: domOpenPage,
  ...(canShare ? { share: domShare } : {}),
};

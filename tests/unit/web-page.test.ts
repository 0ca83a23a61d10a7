import { describe, expect, it } from 'vitest';
import { pageProblem, pageSignalingUrl } from '../../lib/platform/web';

describe('pageProblem: can this page run Kring?', () => {
  const subtle = {};

  it('runs on https and localhost, where the browser gives WebCrypto', () => {
    expect(pageProblem({ isSecureContext: true, crypto: { subtle } })).toBeNull();
  });

  it('refuses plain http from another host, where crypto.subtle is missing', () => {
    expect(pageProblem({ isSecureContext: false, crypto: {} })).toBe('insecure-context');
    // A browser that still exposes subtle there would not be trusted with it either.
    expect(pageProblem({ isSecureContext: false, crypto: { subtle } })).toBe('insecure-context');
  });

  it('refuses a secure page in a browser without WebCrypto', () => {
    expect(pageProblem({ isSecureContext: true, crypto: {} })).toBe('no-webcrypto');
    expect(pageProblem({ isSecureContext: true })).toBe('no-webcrypto');
  });
});

describe('pageSignalingUrl: where the web page looks for peers by default', () => {
  it('uses the server set at build time', () => {
    expect(pageSignalingUrl('wss://signal.example.org', 'https://kring.example.org/')).toBe(
      'wss://signal.example.org',
    );
  });

  it('otherwise the server that served the page: https → wss, http → ws', () => {
    expect(pageSignalingUrl('', 'https://kring.example.org/#K7QM-PX4R-9T')).toBe(
      'wss://kring.example.org/',
    );
    expect(pageSignalingUrl('', 'http://localhost:4444/')).toBe('ws://localhost:4444/');
    expect(pageSignalingUrl('', 'https://example.org:8443/index.html?x=1')).toBe(
      'wss://example.org:8443/',
    );
  });

  it('keeps the folder, for a server behind a proxy under a path prefix', () => {
    expect(pageSignalingUrl('', 'https://example.org/kring/room.html#K7QM-PX4R-9T')).toBe(
      'wss://example.org/kring/',
    );
  });
});

import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});

// jsdom has no IntersectionObserver, which `@defer (on viewport)` needs: one that never reports, so deferred
// content stays a placeholder until a spec renders it (`fixture.getDeferBlocks()`).
if (!('IntersectionObserver' in globalThis)) {
  class NeverIntersecting {
    readonly observe = (): void => undefined;
    readonly unobserve = (): void => undefined;
    readonly disconnect = (): void => undefined;
    readonly takeRecords = (): [] => [];
  }
  Object.defineProperty(globalThis, 'IntersectionObserver', { value: NeverIntersecting, configurable: true, writable: true });
}

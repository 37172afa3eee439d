import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

/**
 * The jest environment of a feature library's specs (call it from its `test-setup.ts`): zoneless TestBed that
 * refuses unknown elements and properties, and an IntersectionObserver for `@defer (on viewport)`.
 */
export function setupFeatureTestEnv(): void {
  setupZonelessTestEnv({
    errorOnUnknownElements: true,
    errorOnUnknownProperties: true,
  });
  installNeverIntersectingObserver();
}

/**
 * jsdom has no IntersectionObserver, which `@defer (on viewport)` needs: one that never reports, so deferred
 * content stays a placeholder until a spec renders it (`fixture.getDeferBlocks()`).
 */
function installNeverIntersectingObserver(): void {
  if ('IntersectionObserver' in globalThis) return;
  class NeverIntersecting {
    readonly observe = (): void => undefined;
    readonly unobserve = (): void => undefined;
    readonly disconnect = (): void => undefined;
    readonly takeRecords = (): [] => [];
  }
  Object.defineProperty(globalThis, 'IntersectionObserver', { value: NeverIntersecting, configurable: true, writable: true });
}

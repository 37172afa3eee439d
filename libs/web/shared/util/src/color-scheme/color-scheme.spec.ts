import { EnvironmentInjector, createEnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { prefersDarkScheme } from './color-scheme';

describe('prefersDarkScheme', () => {
  const original = globalThis.matchMedia;
  afterEach(() => {
    globalThis.matchMedia = original;
  });

  function fakeMedia(matches: boolean) {
    const listeners = new Set<(event: MediaQueryListEvent) => void>();
    const media = {
      matches,
      addEventListener: jest.fn((_: string, listener: (event: MediaQueryListEvent) => void) => listeners.add(listener)),
      removeEventListener: jest.fn((_: string, listener: (event: MediaQueryListEvent) => void) => listeners.delete(listener)),
    };
    globalThis.matchMedia = jest.fn(() => media as unknown as MediaQueryList);
    const change = (dark: boolean) => listeners.forEach((listener) => listener({ matches: dark } as MediaQueryListEvent));
    return { media, listeners, change };
  }

  function inContext(): { dark: ReturnType<typeof prefersDarkScheme>; destroy: () => void } {
    const injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    const dark = runInInjectionContext(injector, () => prefersDarkScheme());
    return { dark, destroy: () => injector.destroy() };
  }

  it('asks the system for the dark scheme and follows its changes until destroyed', () => {
    const { media, listeners, change } = fakeMedia(false);
    const { dark, destroy } = inContext();
    expect(globalThis.matchMedia).toHaveBeenCalledWith('(prefers-color-scheme: dark)');
    expect(dark()).toBe(false);
    change(true);
    expect(dark()).toBe(true);
    change(false);
    expect(dark()).toBe(false);
    destroy();
    expect(media.removeEventListener).toHaveBeenCalled();
    expect(listeners.size).toBe(0);
  });

  it('starts dark when the system already is', () => {
    fakeMedia(true);
    expect(inContext().dark()).toBe(true);
  });

  it('says light where there is no matchMedia', () => {
    (globalThis as { matchMedia?: unknown }).matchMedia = undefined;
    expect(inContext().dark()).toBe(false);
  });
});

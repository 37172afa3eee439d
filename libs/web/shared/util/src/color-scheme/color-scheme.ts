import { DestroyRef, Signal, inject, signal } from '@angular/core';

/**
 * Whether the system asks for the dark colour scheme (the app follows it), kept up to date while the caller lives.
 * Call it in an injection context (a field initialiser): it stops listening when the caller is destroyed. Without
 * `matchMedia` (tests, server) it says light.
 */
export function prefersDarkScheme(): Signal<boolean> {
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const dark = signal(media?.matches ?? false);
  if (media) {
    const follow = (event: MediaQueryListEvent) => dark.set(event.matches);
    media.addEventListener('change', follow);
    inject(DestroyRef).onDestroy(() => media.removeEventListener('change', follow));
  }
  return dark.asReadonly();
}

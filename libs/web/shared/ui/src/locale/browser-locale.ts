import { InjectionToken } from '@angular/core';

/** The language the browser asks pages in (`navigator.language`), e.g. `it-IT`; `en-GB` where there is no browser. */
export const BROWSER_LOCALE = new InjectionToken<string>('BROWSER_LOCALE', {
  providedIn: 'root',
  factory: () => (typeof navigator !== 'undefined' && navigator.language) || 'en-GB',
});

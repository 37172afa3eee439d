import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { SessionStore } from './session-store';

/** Restores the session from the refresh cookie before the first navigation. Pair with `withInterceptors([authInterceptor])`. */
export function provideSession(): EnvironmentProviders {
  return makeEnvironmentProviders([provideAppInitializer(() => inject(SessionStore).restore())]);
}

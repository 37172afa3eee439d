import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter } from '@angular/router';
import { authInterceptor, provideSession } from '@proficio/web/auth/data-access';
import { appRoutes } from './app.routes';

// Angular Material 21 animates with CSS and needs no animations provider.
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes),
    // XHR rather than fetch: only XHR reports upload progress (framework import).
    provideHttpClient(withInterceptors([authInterceptor])),
    // Restores the session from the refresh cookie before the first navigation, so guards see it.
    provideSession(),
  ],
};

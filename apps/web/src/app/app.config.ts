import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, inject, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { MAT_DATE_LOCALE } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { authInterceptor, provideSession } from '@proficio/web/auth/data-access';
import { BROWSER_LOCALE } from '@proficio/web/shared/ui/locale';
import { provideHomeCards } from '@proficio/web/shared/util';
import { appRoutes } from './app.routes';
import { APP_HOME_CARDS } from './home/home-cards';

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
    // Date pickers read and write dates in the browser's language and order (30/11/2026, not 11/30/2026).
    { provide: MAT_DATE_LOCALE, useFactory: () => inject(BROWSER_LOCALE) },
    // The home page's cards by role; features add theirs with provideHomeCards(...) here.
    provideHomeCards(...APP_HOME_CARDS),
  ],
};

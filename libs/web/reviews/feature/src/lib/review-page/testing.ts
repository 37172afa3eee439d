// What the review page's specs (the page, its reassign dialog) provide.
import { ChangeDetectionStrategy, Component, EnvironmentProviders, Provider } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { ReviewPage } from './review-page';

@Component({ template: '<h1>Stub</h1>', changeDetection: ChangeDetectionStrategy.OnPush })
class Stub {}

/** The review page at `reviews/:id`, a stub wherever its links lead, and no animations. */
export function reviewPageProviders(): (Provider | EnvironmentProviders)[] {
  return [
    provideRouter([
      { path: 'reviews/:id', component: ReviewPage },
      { path: 'reviews/:id/guide', component: Stub },
      { path: 'reviews/:id/snapshots/:number', component: Stub },
      { path: 'reviews', component: Stub },
      { path: 'people/:id', component: Stub },
      { path: 'evidence/:id', component: Stub },
    ]),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ];
}

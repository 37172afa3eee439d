import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

/** Shown by `roleGuard` (at the URL that was asked for) when the signed-in user lacks the role. */
@Component({
  selector: 'app-access-denied-page',
  imports: [MatButtonModule, RouterLink],
  template: `
    <div class="page">
      <h1>You don't have access to this page</h1>
      <p>Your account does not have the role this page needs. If you think it should, ask your Proficio administrator.</p>
      <a mat-flat-button routerLink="/">Go to the home page</a>
    </div>
  `,
  styles: `
    @use 'page';

    @include page.frame($max-width: 48rem);
    @include page.title($size: headline-medium, $space: 0.75rem);
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessDeniedPage {}

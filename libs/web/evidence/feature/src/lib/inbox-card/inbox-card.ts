import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { InboxStore } from '@proficio/web/evidence/data-access';
import { LoadedContent, LocalNumberPipe } from '@proficio/web/shared/ui';
import { of } from 'rxjs';

/** Home card (managers and admins): how much evidence waits for their verdict, and self-assessments far from theirs. */
@Component({
  selector: 'app-inbox-card',
  imports: [LocalNumberPipe, LoadedContent, MatButtonModule, RouterLink],
  template: `
    <app-loaded-content what="your inbox" testId="inbox-card" [loaded]="counts">
      @if (counts.value(); as counts) {
        <p class="summary" data-testid="inbox-card-summary">
          @if (counts.evidence === 0 && counts.disagreements === 0) {
            Nothing waits for your review.
          } @else {
            <strong>{{ counts.evidence | localNumber }} {{ counts.evidence === 1 ? 'item' : 'items' }} of evidence</strong>
            {{ counts.evidence === 1 ? 'waits' : 'wait' }} for your verdict; {{ counts.disagreements | localNumber }}
            {{ counts.disagreements === 1 ? 'self-assessment is' : 'self-assessments are' }} two or more levels from yours.
          }
        </p>
        <a mat-flat-button routerLink="/inbox">Open the inbox</a>
      }
    </app-loaded-content>
  `,
  styles: `
    :host {
      display: block;
    }
    .summary {
      margin: 0 0 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxCard {
  protected readonly counts = inject(InboxStore).counts(of(true));
}

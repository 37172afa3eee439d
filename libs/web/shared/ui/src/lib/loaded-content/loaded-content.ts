import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Loaded } from '@proficio/web/shared/util';

/**
 * The states around something small that loads on its own (a home card, a panel): a spinner while it
 * loads, what went wrong with "Try again", else the content (projected; its own empty state is its own).
 *
 * ```html
 * <app-loaded-content what="your role" [loaded]="employee">
 *   @if (employee.value(); as person) { … }
 * </app-loaded-content>
 * ```
 */
@Component({
  selector: 'app-loaded-content',
  imports: [MatButtonModule, MatProgressSpinnerModule],
  template: `
    @let shown = loaded();
    @if (shown.problem(); as problem) {
      <div class="error" role="alert" [attr.data-testid]="testId() ? testId() + '-error' : null">
        <p>
          <strong>Could not load {{ what() }}.</strong> {{ problem.title }}{{ problem.detail ? ': ' + problem.detail : '' }}
        </p>
        <button mat-stroked-button type="button" (click)="shown.reload()">Try again</button>
      </div>
    } @else if (shown.loading()) {
      <div class="loading" [attr.data-testid]="testId() ? testId() + '-loading' : null">
        <mat-progress-spinner mode="indeterminate" diameter="24" [attr.aria-label]="'Loading ' + what()" />
        <span>Loading {{ what() }}…</span>
      </div>
    } @else {
      <ng-content />
    }
  `,
  styles: `
    :host {
      display: block;
    }

    .loading {
      display: flex;
      gap: 0.75rem;
      align-items: center;
      padding: 0.5rem 0;
    }

    .error p {
      margin: 0 0 0.75rem;
    }

    .error strong {
      color: var(--mat-sys-error);
    }
  `,
  host: { '[attr.aria-busy]': 'loaded().loading()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadedContent {
  /** What loads, in the words of "Loading …" and "Could not load …" (e.g. "your role"). */
  readonly what = input.required<string>();
  readonly loaded = input.required<Loaded<unknown>>();
  /** Prefix of the test ids of the loading and error states. */
  readonly testId = input('');
}

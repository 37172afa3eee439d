import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { ListView } from '@proficio/web/shared/util';
import { provideLocalePaginator } from '../local-number/local-number';

/**
 * The states around a paged list (a `ListView`, e.g. from `urlList()`): a spinner for the first load
 * (a bar over the list while the next page loads), the problem with "Try again", the empty panel (the
 * page's own words, projected with `listEmpty`; a page past the end offers the first page instead),
 * the list itself (projected, shown when the page has items) and the paginator.
 *
 * ```html
 * <app-list-state what="people" testId="directory" [list]="list">
 *   <div listEmpty>…</div>
 *   @if (list.page(); as page) { <table mat-table [dataSource]="page.items">…</table> }
 * </app-list-state>
 * ```
 */
@Component({
  selector: 'app-list-state',
  imports: [MatButtonModule, MatPaginatorModule, MatProgressBarModule, MatProgressSpinnerModule],
  template: `
    @let view = list();
    @if (view.loading()) {
      @if (view.page()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Loading ' + what()" />
      } @else {
        <div class="loading" [attr.data-testid]="testId() + '-loading'">
          <mat-progress-spinner mode="indeterminate" diameter="32" [attr.aria-label]="'Loading ' + what()" />
          <span>Loading {{ what() }}…</span>
        </div>
      }
    }

    @if (view.problem(); as problem) {
      <div class="error" role="alert" [attr.data-testid]="testId() + '-error'">
        <h2>{{ errorHeading() || 'Could not load the ' + what() }}</h2>
        <p>{{ problem.title }}{{ problem.detail ? ': ' + problem.detail : '' }}</p>
        @for (error of problem.errors ?? []; track $index) {
          <p>{{ error.field }} {{ error.message }}</p>
        }
        <button mat-stroked-button type="button" (click)="view.retry()">Try again</button>
      </div>
    } @else if (view.page(); as page) {
      @if (page.items.length === 0) {
        <div class="empty" [attr.data-testid]="testId() + '-empty'">
          @if (page.total > 0) {
            <p>There are no {{ what() }} on page {{ view.paging().page }}.</p>
            <button mat-stroked-button type="button" (click)="view.firstPage()">Go to the first page</button>
          } @else {
            <ng-content select="[listEmpty]" />
          }
        </div>
      } @else {
        <ng-content />
      }

      @if (page.total > 0) {
        <mat-paginator
          [length]="page.total"
          [pageIndex]="view.paging().page - 1"
          [pageSize]="view.paging().pageSize"
          [pageSizeOptions]="view.pageSizes"
          (page)="view.changePage($event)"
          [attr.aria-label]="'Pages of ' + what()"
        />
      }
    }
  `,
  styleUrl: './list-state.scss',
  // The paginator's "1 – 25 of 1,234" in the browser's locale.
  providers: [provideLocalePaginator()],
  host: { '[attr.aria-busy]': 'list().loading()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListState {
  /** What the list holds, in the words of "Loading …" and "Pages of …" (e.g. "people"). */
  readonly what = input.required<string>();
  /** The heading of the problem panel; "Could not load the {what}" when left out. */
  readonly errorHeading = input('');
  /** The prefix of the panels' test ids: `{testId}-loading`, `-error` and `-empty`. */
  readonly testId = input.required<string>();
  /** The list's page, loading state, problem and paging, with its actions. */
  readonly list = input.required<ListView>();
}

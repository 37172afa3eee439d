import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { ApiProblem } from '@proficio/web/shared/util';

/** What the list state needs of a page of results. */
export interface ListPage {
  readonly items: readonly unknown[];
  readonly total: number;
}

/**
 * The states around a paged list: a spinner for the first load (a bar over the list while the next
 * page loads), the problem with "Try again", the empty panel (the page's own words, projected with
 * `listEmpty`), the list itself (projected, shown when the page has items) and the paginator.
 *
 * ```html
 * <app-list-state what="people" testId="directory" [loading]="loading()" [problem]="problem()" [page]="page()"
 *                 [pageIndex]="query().page - 1" [pageSize]="query().pageSize" [pageSizes]="pageSizes"
 *                 (retry)="retry()" (pageChange)="changePage($event)">
 *   <div listEmpty>…</div>
 *   @if (page(); as page) { <table mat-table [dataSource]="page.items">…</table> }
 * </app-list-state>
 * ```
 */
@Component({
  selector: 'app-list-state',
  imports: [MatButtonModule, MatPaginatorModule, MatProgressBarModule, MatProgressSpinnerModule],
  template: `
    @if (loading()) {
      @if (page()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Loading ' + what()" />
      } @else {
        <div class="loading" [attr.data-testid]="testId() + '-loading'">
          <mat-progress-spinner mode="indeterminate" diameter="32" [attr.aria-label]="'Loading ' + what()" />
          <span>Loading {{ what() }}…</span>
        </div>
      }
    }

    @if (problem(); as problem) {
      <div class="error" role="alert" [attr.data-testid]="testId() + '-error'">
        <h2>{{ errorHeading() || 'Could not load the ' + what() }}</h2>
        <p>{{ problem.title }}{{ problem.detail ? ': ' + problem.detail : '' }}</p>
        @for (error of problem.errors ?? []; track $index) {
          <p>{{ error.field }} {{ error.message }}</p>
        }
        <button mat-stroked-button type="button" (click)="retry.emit()">Try again</button>
      </div>
    } @else if (page(); as page) {
      @if (empty()) {
        <div class="empty" [attr.data-testid]="testId() + '-empty'">
          <ng-content select="[listEmpty]" />
        </div>
      } @else {
        <ng-content />
      }

      @if (page.total > 0) {
        <mat-paginator
          [length]="page.total"
          [pageIndex]="pageIndex()"
          [pageSize]="pageSize()"
          [pageSizeOptions]="pageSizes()"
          (page)="pageChange.emit($event)"
          [attr.aria-label]="'Pages of ' + what()"
        />
      }
    }
  `,
  styleUrl: './list-state.scss',
  host: { '[attr.aria-busy]': 'loading()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListState {
  /** What the list holds, in the words of "Loading …" and "Pages of …" (e.g. "people"). */
  readonly what = input.required<string>();
  /** The heading of the problem panel; "Could not load the {what}" when left out. */
  readonly errorHeading = input('');
  /** The prefix of the panels' test ids: `{testId}-loading`, `-error` and `-empty`. */
  readonly testId = input.required<string>();
  readonly loading = input.required<boolean>();
  readonly problem = input.required<ApiProblem | null>();
  /** The page on screen (kept while the next one loads), or null. */
  readonly page = input.required<ListPage | null>();
  /** 0-based. */
  readonly pageIndex = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly pageSizes = input.required<readonly number[]>();

  readonly retry = output<void>();
  readonly pageChange = output<PageEvent>();

  protected readonly empty = computed(() => this.page()?.items.length === 0);
}

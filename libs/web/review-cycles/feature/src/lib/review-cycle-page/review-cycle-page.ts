import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ReviewCyclePreview, ReviewCycleView } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { ReviewCyclesApi, ReviewCyclesStore } from '@proficio/web/review-cycles/data-access';
import { ConfirmDialog, ConfirmDialogData, LoadedContent, LocalDatePipe } from '@proficio/web/shared/ui';
import { keptWhileLoading, loaded, problemFromError } from '@proficio/web/shared/util';
import { Observable, distinctUntilChanged, filter, map, of } from 'rxjs';
import { CYCLE_STATUS_LABELS, people, reviews, stateCounts } from '../shared/labels';
import { AddPeopleDialog, AddPeopleDialogData } from './add-people-dialog';
import { CycleProgress } from './cycle-progress';
import { CycleReviews } from './cycle-reviews';

/** How the confirmation of opening a cycle words what it will do. */
export function openConsequences(preview: ReviewCyclePreview): string[] {
  const consequences = [
    `It creates ${reviews(preview.participants)}, one per participant, assigned to their manager as of now.`,
    'Each review takes the role profiles as published now; later changes to profiles or people do not reach it.',
    'Once open, only the name and the dates can change; people can still be added.',
  ];
  if (preview.withoutRoleProfile) {
    consequences.push(`${people(preview.withoutRoleProfile)} without a role profile start with no competencies to review.`);
  }
  if (preview.withoutManager) consequences.push(`${people(preview.withoutManager)} without a manager are reviewed by administrators.`);
  return consequences;
}

/**
 * `/review-cycles/:id` (admins): a cycle. A draft shows who opening it would include (counts, the people without a
 * role profile or manager, the first names) and opens with a confirmation saying how many reviews it creates; an open
 * or closed cycle shows its reviews counted per state, the overdue ones, their progress over time as a small chart
 * (loaded, with the chart library, when it scrolls into view) and the reviews themselves. Admins edit,
 * delete a draft, add people to an open cycle and close it.
 */
@Component({
  selector: 'app-review-cycle-page',
  imports: [CycleProgress, CycleReviews, LoadedContent, LocalDatePipe, MatButtonModule, MatProgressSpinnerModule, RouterLink],
  templateUrl: './review-cycle-page.html',
  styleUrl: './review-cycle-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewCyclePage {
  /** Creating, editing, opening and closing cycles is for administrators; managers follow their line's reviews. */
  private readonly session = inject(SessionStore);
  protected readonly isAdmin = computed(() => this.session.canAccess(['admin']));
  private readonly store = inject(ReviewCyclesStore);
  private readonly api = inject(ReviewCyclesApi);
  private readonly dialog = inject(MatDialog);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly title = inject(Title);

  private readonly id$ = this.route.paramMap.pipe(
    map((params) => params.get('id') ?? ''),
    distinctUntilChanged(),
  );
  protected readonly id = toSignal(this.id$, { initialValue: '' });
  protected readonly loadedCycle = this.store.cycle(this.id$);
  /** The cycle on screen: kept while it loads again after a write, so that the page does not blank out. */
  protected readonly cycle = keptWhileLoading(this.loadedCycle.state);

  /** Who opening the draft would include; loaded for drafts only, again after each saved write. */
  protected readonly preview = loaded(
    toObservable(computed(() => (this.cycle()?.status === 'draft' ? this.cycle()?.id : null))).pipe(distinctUntilChanged()),
    (id): Observable<ReviewCyclePreview | null> => (id ? this.api.preview(id) : of(null)),
    { reloadOn: this.store.changes },
  );

  protected readonly statusLabels = CYCLE_STATUS_LABELS;
  protected readonly counts = computed(() => {
    const cycle = this.cycle();
    return cycle ? stateCounts(cycle.counts) : [];
  });
  protected readonly busy = this.store.saving;
  /** What an action the API refused said. */
  protected readonly actionProblem = signal<string | null>(null);

  constructor() {
    toObservable(this.cycle)
      .pipe(filter((cycle): cycle is ReviewCycleView => cycle !== null))
      .subscribe((cycle) => this.title.setTitle(`${cycle.name} | Review cycles | Proficio`));
  }

  protected openCycle(cycle: ReviewCycleView, preview: ReviewCyclePreview): void {
    this.confirm(
      {
        title: `Open ${cycle.name}?`,
        message: `Opening creates ${reviews(preview.participants)} now.`,
        consequences: openConsequences(preview),
        confirmLabel: `Open and create ${reviews(preview.participants)}`,
      },
      () => this.store.open(cycle.id),
    );
  }

  protected closeCycle(cycle: ReviewCycleView): void {
    const unfinished = cycle.total - cycle.counts.locked;
    this.confirm(
      {
        title: `Close ${cycle.name}?`,
        message: 'Closing stops the reminders, and nobody more can be added to the cycle.',
        consequences: [
          unfinished ? `${reviews(unfinished)} not locked yet can still be finished.` : 'Every review of the cycle is locked.',
          'A closed cycle can no longer be edited.',
        ],
        confirmLabel: 'Close cycle',
        destructive: true,
      },
      () => this.store.close(cycle.id),
    );
  }

  protected deleteCycle(cycle: ReviewCycleView): void {
    this.confirm(
      {
        title: `Delete ${cycle.name}?`,
        message: 'The draft and who it would include are deleted. No review was created yet.',
        confirmLabel: 'Delete draft',
        destructive: true,
      },
      () => this.store.remove(cycle.id),
      () => void this.router.navigate(['/review-cycles']),
    );
  }

  protected addPeople(cycle: ReviewCycleView): void {
    this.actionProblem.set(null);
    this.dialog.open<AddPeopleDialog, AddPeopleDialogData>(AddPeopleDialog, { data: { cycle }, width: '40rem', maxWidth: '95vw' });
  }

  private confirm(data: ConfirmDialogData, action: () => Observable<unknown>, done?: () => void): void {
    this.actionProblem.set(null);
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '95vw' })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() =>
        action().subscribe({
          next: () => done?.(),
          error: (error: unknown) => {
            const problem = problemFromError(error);
            const fields = (problem.errors ?? []).map((fieldError) => `${fieldError.field} ${fieldError.message}`);
            this.actionProblem.set([problem.detail ?? problem.title, ...fields].join(' — '));
          },
        }),
      );
  }
}

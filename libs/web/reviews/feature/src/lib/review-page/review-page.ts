import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxChange, MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  REVIEW_LIMITS,
  REVIEW_STATES,
  ReviewAction,
  ReviewActionRequest,
  ReviewCompetencyView,
  ReviewEventView,
  ReviewState,
  ReviewView,
} from '@proficio/shared/contracts';
import { ReviewsStore } from '@proficio/web/reviews/data-access';
import { HasUnsavedChanges, LocalDatePipe, warnBeforeUnload } from '@proficio/web/shared/ui';
import { isAddressNotFound, keptWhileLoading, problemFromError } from '@proficio/web/shared/util';
import { Observable, distinctUntilChanged, filter, map, switchMap } from 'rxjs';
import { ReviewCompetencyCard } from '../shared/review-competency-card';
import { ReviewSignatureLine } from '../shared/review-signature-line';
import { STATE_LABELS, STATE_STEPS, actionLabel, competencyText, levelName, problemMessage } from '../shared/review-text';
import { ReassignReviewDialog, ReassignReviewDialogData } from './reassign-review-dialog';
import { ReviewActionDialog, ReviewActionDialogData } from './review-action-dialog';
import { RatingRow, ReviewForms, buildReviewForms, ratingRequests } from './review-forms';

const reached = (current: ReviewState, state: ReviewState) => REVIEW_STATES.indexOf(current) >= REVIEW_STATES.indexOf(state);

/**
 * `/reviews/:id`: one review. The header names the person, the cycle and the manager, shows the six states as a
 * progress with the current one marked, the deadlines and whether the step is overdue, and the steps the caller may
 * take (each confirmed; a 409 says why in words). Each competency shows its levels, targets and both ratings side by
 * side with the change since last time; the person rates themselves during the self-assessment, the manager rates
 * (a rationale each, relying on accepted evidence) and keeps notes. Signatures, history and snapshots follow.
 * Administrators hand a review not yet signed by the manager to another manager ("Change manager").
 * Leaving with unsaved ratings or notes asks first.
 */
@Component({
  selector: 'app-review-page',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    NgTemplateOutlet,
    ReactiveFormsModule,
    ReviewCompetencyCard,
    ReviewSignatureLine,
    RouterLink,
  ],
  templateUrl: './review-page.html',
  styleUrl: './review-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewPage implements HasUnsavedChanges {
  /** A mistyped, cut or out-of-date address: "not found", with no retry. */
  protected readonly isAddressNotFound = isAddressNotFound;
  private readonly route = inject(ActivatedRoute);
  private readonly store = inject(ReviewsStore);
  private readonly dialog = inject(MatDialog);
  private readonly title = inject(Title);

  private readonly id$ = this.route.paramMap.pipe(
    map((params) => params.get('id') ?? ''),
    distinctUntilChanged(),
  );
  private readonly loaded = this.store.review(this.id$);
  /** The review on screen: kept while it reloads after a write. */
  protected readonly review = keptWhileLoading(this.loaded.state);
  protected readonly loading = computed(() => this.loaded.loading() && !this.review());
  protected readonly problem = this.loaded.problem;

  protected readonly forms = signal<ReviewForms | null>(null);
  protected readonly saving = this.store.saving;
  protected readonly busy = signal(false);
  /** What the last save or step did, for screen readers. */
  protected readonly status = signal('');
  /** Why the last save or step failed, in words. */
  protected readonly failure = signal('');

  protected readonly steps = STATE_STEPS;
  protected readonly stateLabels = STATE_LABELS;
  protected readonly levelName = levelName;
  protected readonly competencyText = competencyText;
  protected readonly noteMax = REVIEW_LIMITS.noteLength;
  protected readonly rationaleMax = REVIEW_LIMITS.rationaleLength;

  protected readonly mayEditSelf = computed(() => this.review()?.mayEdit.includes('self') ?? false);
  protected readonly mayEditManager = computed(() => this.review()?.mayEdit.includes('manager') ?? false);
  protected readonly mayNote = computed(() => this.review()?.mayEdit.includes('note') ?? false);
  protected readonly isPerson = computed(() => this.review()?.viewer === 'employee');
  /** Administrators hand a review to another manager until the manager signs (a signed review keeps its manager). */
  protected readonly mayReassign = computed(() => {
    const review = this.review();
    return review?.viewer === 'admin' && review.state !== 'manager_signed' && review.state !== 'locked';
  });
  protected readonly currentStep = computed(() => REVIEW_STATES.indexOf(this.review()?.state ?? 'not_started'));
  /** The person reads the guide from the discussion on; the manager and admins at any time. */
  protected readonly showsGuide = computed(() => {
    const review = this.review();
    return !!review && (review.viewer !== 'employee' || reached(review.state, 'discussion'));
  });
  protected readonly selfHidden = computed(() => {
    const review = this.review();
    if (review?.viewer === 'manager' && !reached(review.state, 'manager_assessment')) return `Shown once ${review.employee.name} submits`;
    return 'Not rated yet';
  });
  protected readonly managerHidden = computed(() => {
    const review = this.review();
    if (review?.viewer === 'employee' && !reached(review.state, 'discussion')) return 'Shown at the discussion';
    return 'Not rated yet';
  });

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
    effect(() => {
      const review = this.review();
      if (!review) return;
      this.title.setTitle(`Review of ${review.employee.name} | Proficio`);
      // A reload after a write shows what was saved; work not saved yet stays as it is.
      if (untracked(() => this.hasUnsavedChanges())) return;
      this.forms.set(buildReviewForms(review));
    });
  }

  hasUnsavedChanges(): boolean {
    const forms = this.forms();
    return !!forms && (forms.self.dirty || forms.manager.dirty || forms.notes.dirty || forms.generalNote.dirty);
  }

  protected retry(): void {
    this.loaded.reload();
  }

  protected actionLabel(action: ReviewAction, review: ReviewView): string {
    return actionLabel(action, review.employee.name);
  }

  protected ratingRow(form: ReviewForms['self'], competency: ReviewCompetencyView): RatingRow {
    return form.controls[competency.competency.id] as RatingRow;
  }

  protected isRelied(form: RatingRow, evidenceId: string): boolean {
    return form.controls.evidence.value.includes(evidenceId);
  }

  protected toggleEvidence(form: RatingRow, evidenceId: string, event: MatCheckboxChange): void {
    const current = form.controls.evidence.value.filter((id) => id !== evidenceId);
    form.controls.evidence.setValue(event.checked ? [...current, evidenceId] : current);
    form.controls.evidence.markAsDirty();
  }

  protected saveSelf(review: ReviewView, forms: ReviewForms): void {
    const ratings = ratingRequests(review, forms.self, 'self');
    if (!ratings.length) {
      this.failure.set('Choose a rating for at least one competency first.');
      return;
    }
    this.write(
      this.store.saveRatings(review.id, { role: 'self', ratings }),
      () => forms.self.markAsPristine(),
      'Your self-assessment is saved.',
    );
  }

  protected saveManager(review: ReviewView, forms: ReviewForms): void {
    let missing = 0;
    for (const row of review.competencies) {
      const controls = this.ratingRow(forms.manager, row).controls;
      if (controls.choice.value && !controls.rationale.value.trim()) {
        controls.rationale.setErrors({ required: true });
        controls.rationale.markAsTouched();
        missing++;
      }
    }
    if (missing) {
      this.failure.set(`Say why for each rating: ${missing} ${missing === 1 ? 'rating has' : 'ratings have'} no rationale.`);
      return;
    }
    const ratings = ratingRequests(review, forms.manager, 'manager');
    if (!ratings.length) {
      this.failure.set('Choose a rating for at least one competency first.');
      return;
    }
    this.write(
      this.store.saveRatings(review.id, { role: 'manager', ratings }),
      () => forms.manager.markAsPristine(),
      'Your ratings are saved.',
    );
  }

  protected saveNotes(review: ReviewView, forms: ReviewForms): void {
    const notes = [
      ...review.competencies.map((row) => ({
        competencyId: row.competency.id,
        text: forms.notes.controls[row.competency.id]?.value ?? '',
      })),
      { text: forms.generalNote.value },
    ];
    this.write(
      this.store.saveNotes(review.id, { notes }),
      () => {
        forms.notes.markAsPristine();
        forms.generalNote.markAsPristine();
      },
      'Your notes are saved.',
    );
  }

  protected act(review: ReviewView, action: ReviewAction): void {
    this.failure.set('');
    if (this.hasUnsavedChanges()) {
      this.failure.set('Save your changes first: the step is taken on what is saved.');
      return;
    }
    this.dialog
      .open<ReviewActionDialog, ReviewActionDialogData, ReviewActionRequest>(ReviewActionDialog, {
        data: { action, review },
        width: '32rem',
        maxWidth: 'calc(100vw - 1rem)',
      })
      .afterClosed()
      .pipe(
        filter((body): body is ReviewActionRequest => !!body),
        switchMap((body) => {
          this.busy.set(true);
          return this.store.act(review.id, action, body);
        }),
      )
      .subscribe({
        next: (saved) => {
          this.busy.set(false);
          this.loaded.set(saved);
          this.status.set(`Done: ${this.actionLabel(action, review)}. The review is now at ${STATE_LABELS[saved.state].toLowerCase()}.`);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.failure.set(problemMessage(problemFromError(error)));
        },
      });
  }

  protected reassign(review: ReviewView): void {
    this.failure.set('');
    this.status.set('');
    this.dialog
      .open<ReassignReviewDialog, ReassignReviewDialogData, ReviewView>(ReassignReviewDialog, {
        data: { review },
        width: '32rem',
        maxWidth: 'calc(100vw - 1rem)',
      })
      .afterClosed()
      .pipe(filter((saved): saved is ReviewView => !!saved))
      .subscribe((saved) => {
        this.loaded.set(saved);
        this.status.set(`The review is now assigned to ${saved.manager?.name ?? 'the administrators'}.`);
      });
  }

  protected eventText(event: ReviewEventView): string {
    const by = event.by ? ` by ${event.by.name}` : '';
    if (event.kind === 'reopen') return `Reopened${by}`;
    if (event.kind === 'reassign') return `Reassigned${by}`;
    if (event.from && event.to) return `${STATE_LABELS[event.from]} → ${STATE_LABELS[event.to]}${by}`;
    return `${event.to ? STATE_LABELS[event.to] : 'Changed'}${by}`;
  }

  private write(write: Observable<ReviewView>, saved: () => void, done: string): void {
    this.failure.set('');
    this.status.set('');
    write.subscribe({
      next: (review) => {
        saved();
        this.loaded.set(review);
        this.status.set(done);
      },
      error: (error: unknown) => this.failure.set(problemMessage(problemFromError(error))),
    });
  }
}

import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { NamedRef, ReviewView } from '@proficio/shared/contracts';
import { activePeopleSearch } from '@proficio/web/people/data-access/people-search';
import { ReviewsStore } from '@proficio/web/reviews/data-access';
import { SearchPick, SearchPicker, pickedFrom, requirePick } from '@proficio/web/shared/ui';
import { DialogWrite } from '@proficio/web/shared/util';
import { problemMessage } from '../shared/review-text';

export interface ReassignReviewDialogData {
  readonly review: Pick<ReviewView, 'id' | 'employee' | 'manager' | 'cycle'>;
}

/**
 * An administrator hands a review to another manager (e.g. when the person's manager changed): a search by name among
 * active people (`GET /api/employees?q=`, the first ones as soon as the empty field gets focus), then what the change
 * does and a button naming the new manager. Saves through the store (the review reloads) and closes with the review
 * as saved; a refusal (the review was signed meanwhile, the person picked left) is said in the dialog.
 */
@Component({
  selector: 'app-reassign-review-dialog',
  imports: [MatButtonModule, MatDialogModule, ReactiveFormsModule, SearchPicker],
  template: `
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate data-testid="reassign-dialog">
      <h2 mat-dialog-title>Change the manager of {{ review.employee.name }}’s review</h2>
      <mat-dialog-content>
        <p>
          {{ review.cycle.name }}: now reviewed by <strong>{{ review.manager?.name ?? 'the administrators' }}</strong>.
        </p>
        <app-search-picker
          [control]="search"
          label="New manager"
          hint="Search active people by name"
          placeholder="Type a name"
          testId="reassign-search"
          [search]="searchPeople"
          [labelOf]="nameOf"
          [exclude]="notOffered"
          [errorMessages]="{ required: 'Choose the new manager from the list' }"
        />
        @if (chosen(); as chosen) {
          <ul class="consequences" data-testid="reassign-consequences" aria-live="polite">
            <li>{{ chosen.name }} sees the review and takes the manager’s steps from now on.</li>
            <li>
              {{
                review.manager
                  ? review.manager.name + ' no longer does (unless ' + review.employee.name + ' is in their line).'
                  : 'Administrators no longer act as the manager.'
              }}
            </li>
            <li>Drafts, notes and the history stay with the review; the change is recorded in its history.</li>
          </ul>
        }
        @if (write.problem(); as problem) {
          <p class="problem" role="alert" data-testid="reassign-problem">{{ problem }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="write.saving()" data-testid="reassign-confirm">
          {{ chosen() ? 'Assign to ' + chosen()?.name : 'Change manager' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    @use 'page';

    @include page.consequences-dialog;
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReassignReviewDialog {
  private readonly store = inject(ReviewsStore);
  private readonly ref = inject<MatDialogRef<ReassignReviewDialog, ReviewView>>(MatDialogRef);
  protected readonly review = inject<ReassignReviewDialogData>(MAT_DIALOG_DATA).review;

  /** The text typed, or the person picked from the list. */
  protected readonly search = new FormControl<SearchPick<NamedRef>>('');
  protected readonly form = new FormGroup({ manager: this.search });
  protected readonly write = new DialogWrite();

  private readonly value = toSignal(this.search.valueChanges, { initialValue: this.search.value });
  /** The person picked; typing again unpicks them. */
  protected readonly chosen = computed(() => pickedFrom(this.value()));

  protected readonly searchPeople = activePeopleSearch();
  protected readonly nameOf = (person: NamedRef): string => person.name;
  /** Whom the review cannot go to: the person reviewed, the manager it already has. */
  protected readonly notOffered = (person: NamedRef): boolean =>
    person.id === this.review.employee.id || person.id === this.review.manager?.id;

  constructor() {
    this.search.valueChanges.subscribe(() => this.write.problem.set(null));
  }

  protected confirm(): void {
    const manager = requirePick(this.search);
    if (!manager) return;
    this.write.run(this.store.reassign(this.review.id, manager.id), (saved) => this.ref.close(saved), problemMessage);
  }
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { NamedRef, ReviewCyclePreview, ReviewCycleView } from '@proficio/shared/contracts';
import { ReviewCyclesApi, ReviewCyclesStore } from '@proficio/web/review-cycles/data-access';
import { ApiProblem, problemFromError } from '@proficio/web/shared/util';
import { reviews } from '../shared/labels';
import { PeoplePicker } from '../shared/people-picker';

/** What the API refused, with each person it named (`employeeIds.3`) by name. */
export function problemText(problem: ApiProblem, people: readonly NamedRef[]): string {
  if (!problem.errors?.length) return problem.detail ?? problem.title;
  return problem.errors
    .map((error) => {
      const index = /^employeeIds\.(\d+)$/.exec(error.field)?.[1];
      const person = index === undefined ? undefined : people[Number(index)];
      return person ? `${person.name} ${error.message}` : `${error.field} ${error.message}`;
    })
    .join('; ');
}

export interface AddPeopleDialogData {
  readonly cycle: ReviewCycleView;
}

/**
 * Adds people to an open cycle: pick them, see what adding them would do (how many are new to the cycle, without a
 * role profile or manager), then add them. Closes with the cycle as saved, or undefined.
 */
@Component({
  selector: 'app-add-people-dialog',
  imports: [MatButtonModule, MatDialogModule, MatProgressSpinnerModule, PeoplePicker],
  template: `
    <h2 mat-dialog-title>Add people to {{ data.cycle.name }}</h2>
    <mat-dialog-content>
      <p>Each person new to the cycle gets a review, assigned to their manager as of now.</p>
      <app-people-picker [control]="people" label="People to add" />

      @if (previewing()) {
        <div class="loading"><mat-progress-spinner mode="indeterminate" diameter="24" aria-label="Checking who would be added" /></div>
      } @else if (preview(); as preview) {
        <ul class="preview" data-testid="add-people-preview" aria-live="polite">
          <li>
            <strong>{{ newcomers(preview) }}</strong> new to the cycle{{
              preview.alreadyIn ? ', ' + preview.alreadyIn + ' already in it' : ''
            }}
          </li>
          @if (preview.participants < people.value.length) {
            <li>{{ people.value.length - preview.participants }} not active: they are left out</li>
          }
          @if (preview.withoutRoleProfile) {
            <li>{{ preview.withoutRoleProfile }} without a role profile (no competencies to review)</li>
          }
          @if (preview.withoutManager) {
            <li>{{ preview.withoutManager }} without a manager (administrators review them)</li>
          }
        </ul>
      }
      @if (problem(); as problem) {
        <p class="problem" role="alert">{{ problem }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      @if (preview(); as preview) {
        <button mat-flat-button type="button" [disabled]="saving() || newcomers(preview) === 0" (click)="add()">
          Add and create {{ reviewsText(newcomers(preview)) }}
        </button>
      } @else {
        <button mat-flat-button type="button" [disabled]="previewing()" (click)="check()">Check who would be added</button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    @use 'page';

    @include page.consequences-dialog($list: '.preview');
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AddPeopleDialog {
  protected readonly data = inject<AddPeopleDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<AddPeopleDialog, ReviewCycleView>>(MatDialogRef);
  private readonly api = inject(ReviewCyclesApi);
  private readonly store = inject(ReviewCyclesStore);

  protected readonly people = new FormControl<NamedRef[]>([], { nonNullable: true });
  protected readonly preview = signal<ReviewCyclePreview | null>(null);
  protected readonly previewing = signal(false);
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly reviewsText = reviews;

  constructor() {
    // A preview is of the people picked when it was asked for: a new pick asks again.
    this.people.valueChanges.subscribe(() => {
      this.preview.set(null);
      this.problem.set(null);
    });
  }

  protected newcomers(preview: ReviewCyclePreview): number {
    return Math.max(0, preview.participants - preview.alreadyIn);
  }

  protected check(): void {
    const ids = this.people.value.map((person) => person.id);
    if (!ids.length) {
      this.people.setErrors({ required: true });
      this.people.markAsTouched();
      return;
    }
    this.previewing.set(true);
    this.problem.set(null);
    this.api.preview(this.data.cycle.id, ids).subscribe({
      next: (preview) => {
        this.previewing.set(false);
        this.preview.set(preview);
      },
      error: (error: unknown) => {
        this.previewing.set(false);
        this.problem.set(problemFromError(error).title);
      },
    });
  }

  protected add(): void {
    this.saving.set(true);
    this.store
      .addParticipants(
        this.data.cycle.id,
        this.people.value.map((person) => person.id),
      )
      .subscribe({
        next: (cycle) => this.dialogRef.close(cycle),
        error: (error: unknown) => {
          this.saving.set(false);
          this.problem.set(problemText(problemFromError(error), this.people.value));
        },
      });
  }
}

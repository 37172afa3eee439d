import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { REVIEW_LIMITS, ReviewAction, ReviewActionRequest, ReviewView } from '@proficio/shared/contracts';
import { actionLabel } from '../shared/review-text';

export interface ReviewActionDialogData {
  readonly action: ReviewAction;
  readonly review: Pick<ReviewView, 'employee' | 'manager' | 'cycle' | 'viewer'>;
}

interface ActionWords {
  readonly title: string;
  readonly message: string;
  readonly consequences: readonly string[];
}

function wordsFor({ action, review }: ReviewActionDialogData): ActionWords {
  const person = review.employee.name;
  const manager = review.manager?.name ?? 'the administrators';
  switch (action) {
    case 'start':
      return {
        title: 'Start your self-assessment?',
        message: `You rate yourself on each competency of ${review.cycle.name}.`,
        consequences: [`${manager} sees your ratings only once you submit them.`],
      };
    case 'submit-self':
      return {
        title: 'Submit your self-assessment?',
        message: `${manager} is told and rates you next.`,
        consequences: ['You can no longer change your ratings.', 'Every competency needs a rating (or not assessed / not applicable).'],
      };
    case 'share':
      return {
        title: `Share your assessment with ${person}?`,
        message: `${person} sees your ratings, rationales and notes, and you talk them over.`,
        consequences: ['You can still change ratings during the discussion, until you sign.'],
      };
    case 'sign':
      return review.viewer === 'employee'
        ? {
            title: 'Sign your review?',
            message:
              'Your signature locks the review: the manager’s ratings become your official levels, and the review as signed is kept.',
            consequences: ['Nothing can be changed afterwards (an administrator can reopen it with a reason).'],
          }
        : {
            title: `Sign ${person}’s review?`,
            message: `${person} signs next, which locks the review.`,
            consequences: ['Your ratings and notes can no longer be changed.'],
          };
    case 'reopen':
      return {
        title: `Reopen ${person}’s review?`,
        message: 'It goes back to the discussion, so that the manager can change ratings and both sign again.',
        consequences: ['The snapshot signed before is kept.', 'The official levels change only when it is signed again.'],
      };
  }
}

/**
 * Confirms a step of a review: what happens, and for the person's signature an optional comment (e.g. a
 * disagreement, kept on the record); to reopen, the reason (required). Closes with the request body, or
 * undefined when cancelled; the page takes the step.
 */
@Component({
  selector: 'app-review-action-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate data-testid="review-action-dialog">
      <h2 mat-dialog-title>{{ words.title }}</h2>
      <mat-dialog-content>
        <p>{{ words.message }}</p>
        <ul>
          @for (consequence of words.consequences; track $index) {
            <li>{{ consequence }}</li>
          }
        </ul>
        @if (asksComment) {
          <mat-form-field appearance="outline" class="wide">
            <mat-label>Comment (optional)</mat-label>
            <textarea matInput rows="3" formControlName="comment" [maxlength]="commentMax" data-testid="review-action-comment"></textarea>
            <mat-hint>For instance where you disagree; it is kept with your signature</mat-hint>
          </mat-form-field>
        }
        @if (asksReason) {
          <mat-form-field appearance="outline" class="wide">
            <mat-label>Reason</mat-label>
            <textarea matInput rows="3" formControlName="reason" [maxlength]="reasonMax" data-testid="review-action-reason"></textarea>
            @if (reason.hasError('required')) {
              <mat-error>Say why the review is reopened</mat-error>
            }
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close cdkFocusInitial>Cancel</button>
        <button mat-flat-button type="submit" data-testid="review-action-confirm">{{ label }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    p {
      margin: 0 0 0.75rem;
    }
    ul {
      margin: 0 0 1rem;
      padding-inline-start: 1.25rem;
    }
    .wide {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewActionDialog {
  protected readonly data = inject<ReviewActionDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReviewActionDialog, ReviewActionRequest>>(MatDialogRef);

  protected readonly words = wordsFor(this.data);
  protected readonly label = actionLabel(this.data.action, this.data.review.employee.name);
  protected readonly asksComment = this.data.action === 'sign' && this.data.review.viewer === 'employee';
  protected readonly asksReason = this.data.action === 'reopen';
  protected readonly commentMax = REVIEW_LIMITS.commentLength;
  protected readonly reasonMax = REVIEW_LIMITS.reasonLength;
  protected readonly comment = new FormControl('', { nonNullable: true });
  protected readonly reason = new FormControl('', { nonNullable: true, validators: this.asksReason ? [Validators.required] : [] });
  protected readonly form = new FormGroup({ comment: this.comment, reason: this.reason });

  protected confirm(): void {
    if (this.asksReason) {
      this.reason.setValue(this.reason.value.trim());
      this.reason.markAsTouched();
      if (this.reason.invalid) return;
      this.ref.close({ reason: this.reason.value });
      return;
    }
    const comment = this.comment.value.trim();
    this.ref.close(this.asksComment && comment ? { comment } : {});
  }
}

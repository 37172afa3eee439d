import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { EVIDENCE_LIMITS, EvidenceVerdict, EvidenceView } from '@proficio/shared/contracts';
import { EvidenceStore } from '@proficio/web/evidence/data-access';
import { ProblemDetails } from '@proficio/web/shared/ui';
import { ApiProblem, problemFromError, serverError } from '@proficio/web/shared/util';

export interface VerdictDialogData {
  readonly evidence: Pick<EvidenceView, 'id' | 'title' | 'revision' | 'employee'>;
  readonly verdict: EvidenceVerdict;
}

interface VerdictWords {
  readonly title: string;
  readonly message: string;
  readonly label: string;
  readonly hint: string;
  readonly required: string | null;
  readonly confirm: string;
}

const WORDS: Record<EvidenceVerdict, VerdictWords> = {
  accepted: {
    title: 'Accept this evidence?',
    message: 'It shows the level it claims. The verdict is kept with this version and cannot be changed.',
    label: 'Comment (optional)',
    hint: 'A word of thanks or a remark, if you like',
    required: null,
    confirm: 'Accept',
  },
  changes_requested: {
    title: 'Request changes?',
    message: 'The author is asked to amend it: the new version comes back to you, and this one keeps your comment.',
    label: 'What should change',
    hint: 'Required: say what is missing or unclear',
    required: 'Say what should change',
    confirm: 'Request changes',
  },
  rejected: {
    title: 'Reject this evidence?',
    message: 'It does not show the level it claims. The author can still amend it and submit again.',
    label: 'Reason',
    hint: 'Required: say why it does not show the level',
    required: 'Give the reason for rejecting it',
    confirm: 'Reject',
  },
};

/**
 * Confirms a verdict on the submitted revision, with the comment (required to request changes, the reason
 * required to reject); saves it through the store (the page and the inbox reload) and closes with the item.
 */
@Component({
  selector: 'app-verdict-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ProblemDetails, ReactiveFormsModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate data-testid="verdict-dialog">
      <h2 mat-dialog-title>{{ words.title }}</h2>
      <mat-dialog-content>
        <p>
          <strong>{{ data.evidence.title }}</strong> by {{ data.evidence.employee.name }}, version {{ data.evidence.revision }}.
        </p>
        <p>{{ words.message }}</p>
        <mat-form-field appearance="outline" class="comment">
          <mat-label>{{ words.label }}</mat-label>
          <textarea matInput rows="5" formControlName="comment" [maxlength]="max" cdkFocusInitial data-testid="verdict-comment"></textarea>
          <mat-hint>{{ words.hint }}</mat-hint>
          @if (comment.hasError('required')) {
            <mat-error>{{ words.required }}</mat-error>
          } @else if (serverError(comment); as message) {
            <mat-error>{{ words.label }} {{ message }}</mat-error>
          }
        </mat-form-field>
        @if (problem(); as problem) {
          <div class="problem" role="alert"><app-problem-details [problem]="problem" /></div>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button
          mat-flat-button
          type="submit"
          [class.destructive]="data.verdict === 'rejected'"
          [disabled]="saving()"
          data-testid="verdict-confirm"
        >
          {{ saving() ? 'Saving…' : words.confirm }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .comment {
      width: 100%;
    }
    .problem {
      color: var(--mat-sys-error);
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerdictDialog {
  protected readonly data = inject<VerdictDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<VerdictDialog, EvidenceView>>(MatDialogRef);
  private readonly store = inject(EvidenceStore);

  protected readonly words = WORDS[this.data.verdict];
  protected readonly max = EVIDENCE_LIMITS.commentLength;
  protected readonly serverError = serverError;
  protected readonly comment = new FormControl('', {
    nonNullable: true,
    validators: [...(this.words.required ? [Validators.required] : []), Validators.maxLength(this.max)],
  });
  protected readonly form = new FormGroup({ comment: this.comment });
  protected readonly saving = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);

  protected confirm(): void {
    this.comment.setValue(this.comment.value.trim());
    this.comment.markAsTouched();
    if (this.comment.invalid || this.saving()) return;
    this.saving.set(true);
    this.problem.set(null);
    const comment = this.comment.value;
    this.store
      .giveVerdict(this.data.evidence.id, {
        revision: this.data.evidence.revision,
        verdict: this.data.verdict,
        ...(comment ? { comment } : {}),
      })
      .subscribe({
        next: (saved) => this.ref.close(saved),
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = problemFromError(error);
          const own = problem.errors?.find((fieldError) => fieldError.field === 'comment');
          if (own) {
            this.comment.setErrors({ server: own.message });
            const rest = problem.errors?.filter((fieldError) => fieldError !== own);
            if (!rest?.length) return;
            this.problem.set({ ...problem, errors: rest });
            return;
          }
          this.problem.set(problem);
        },
      });
  }
}

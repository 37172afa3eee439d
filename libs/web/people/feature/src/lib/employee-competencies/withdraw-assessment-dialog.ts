import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ASSESSMENT_LIMITS, AssessmentView, EmployeeCompetencyView, NamedRef, RecordAssessmentRequest } from '@proficio/shared/contracts';
import { competencyName } from '@proficio/web/frameworks/ui';
import { LocalDatePipe } from '@proficio/web/shared/ui';
import { serverError } from '@proficio/web/shared/util';
import { AssessmentConflict } from './assessment-conflict';
import { AssessmentRecording } from './assessment-recording';
import { ROLE_LABELS, recordLevelText } from './assessment-text';

export interface WithdrawAssessmentData {
  /** Whom the record is about. */
  readonly employee: NamedRef;
  /** The Competencies tab's row: the record in force of each role, which the withdrawal is based on. */
  readonly row: EmployeeCompetencyView;
  /** The record to take back: the latest of its chain, of a role the caller may record. */
  readonly record: AssessmentView;
}

/**
 * Asks before taking a record back, and why: a withdrawal is a new record of its own (the history
 * keeps both), and the level in force goes back to the role's previous record, or to none. On a 409
 * it shows the record saved since and lets the user withdraw anyway or cancel; when that record is a
 * correction of the one being withdrawn, withdrawing anyway takes the correction back. Closes with
 * the withdrawal.
 */
@Component({
  selector: 'app-withdraw-assessment-dialog',
  imports: [AssessmentConflict, LocalDatePipe, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  templateUrl: './withdraw-assessment-dialog.html',
  styleUrl: './withdraw-assessment-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WithdrawAssessmentDialog {
  protected readonly data = inject<WithdrawAssessmentData>(MAT_DIALOG_DATA);

  protected readonly record = this.data.record;
  protected readonly name = competencyName(this.record.competency);
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly recordLevelText = recordLevelText;
  protected readonly serverError = serverError;
  protected readonly reasonMax = ASSESSMENT_LIMITS.reasonLength;

  protected readonly form = new FormGroup({
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(this.reasonMax)] }),
  });
  protected readonly reason = this.form.controls.reason;

  /** Saving, and what stopped it; what it replaces is the record to take back, or the correction of it a 409 showed. */
  protected readonly recording = new AssessmentRecording(this.record.id);
  /** The record in force the user has seen: the tab's, or the newer one a 409 showed. */
  private readonly basedOn = signal<string | null>(
    (this.record.role === 'manager' ? this.data.row.manager : this.data.row.self)?.assessmentId ?? null,
  );

  protected withdraw(): void {
    this.reason.setValue(this.reason.value.trim());
    this.reason.markAsTouched();
    if (this.reason.invalid || this.recording.saving()) return;
    const request: RecordAssessmentRequest = {
      employeeId: this.data.employee.id,
      competencyId: this.data.row.competency.id,
      role: this.record.role,
      withdraw: true,
      replaces: this.recording.replaces() ?? undefined,
      reason: this.reason.value,
      basedOn: this.basedOn(),
    };
    this.recording.record(request, this.form);
  }

  /** Withdraws after all, based on the newer record the user has now seen (and, if it corrects this one, takes it back instead). */
  protected withdrawAnyway(newer: AssessmentView): void {
    this.basedOn.set(newer.id);
    this.recording.replaceIfSameRecord(newer);
    this.withdraw();
  }
}

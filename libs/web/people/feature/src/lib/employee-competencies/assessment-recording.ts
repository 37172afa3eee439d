import { WritableSignal, inject, signal } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { AssessmentView, RecordAssessmentRequest } from '@proficio/shared/contracts';
import { AssessmentsStore, newerAssessment } from '@proficio/web/people/data-access';
import { ApiProblem, applyServerErrors, problemFromError } from '@proficio/web/shared/util';

/**
 * How a dialog that records an assessment (a rating, a correction, a withdrawal) saves: through the
 * assessments store, closing with the saved record; on a 409 it keeps the newer record until the user
 * decides; it puts the API's field errors on the form and keeps the rest as the problem to show.
 * Created in the dialog's injection context.
 */
export class AssessmentRecording {
  private readonly store = inject(AssessmentsStore);
  private readonly ref = inject<MatDialogRef<unknown, AssessmentView>>(MatDialogRef);

  readonly saving = signal(false);
  /** What the API refused that no field shows. */
  readonly problem = signal<ApiProblem | null>(null);
  /** The record someone saved since the dialog was opened (a 409), until the user decides. */
  readonly conflict = signal<AssessmentView | null>(null);
  /** The record a correction or withdrawal replaces: the chosen one, or the correction of it a 409 showed. */
  readonly replaces: WritableSignal<string | null>;

  constructor(replaces: string | null) {
    this.replaces = signal(replaces);
  }

  /** The newer record of a 409 is a correction of the record being replaced. */
  correctsSameRecord(newer: AssessmentView): boolean {
    return this.replaces() !== null && newer.replaces === this.replaces();
  }

  /** The user has seen the newer record of a 409: when it corrects the record being replaced, it is the latest of the chain now. */
  replaceIfSameRecord(newer: AssessmentView): void {
    if (this.correctsSameRecord(newer)) this.replaces.set(newer.id);
  }

  /** Sends the request; `fields` maps an API field to the form's control where they differ. */
  record(request: RecordAssessmentRequest, form: FormGroup, fields: Readonly<Record<string, string>> = {}): void {
    this.saving.set(true);
    this.problem.set(null);
    this.conflict.set(null);
    this.store.record(request).subscribe({
      next: (saved) => this.ref.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        const newer = newerAssessment(error);
        if (newer) {
          this.conflict.set(newer);
          return;
        }
        const problem = problemFromError(error);
        if (applyServerErrors(form, problem, fields).length === 0) return;
        const rest = problem.errors?.filter((fieldError) => !form.get(fields[fieldError.field] ?? fieldError.field));
        this.problem.set({ ...problem, errors: rest?.length ? rest : undefined });
      },
    });
  }

  cancel(): void {
    this.ref.close();
  }
}

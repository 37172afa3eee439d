import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatRadioModule } from '@angular/material/radio';
import { FrameworkScaleChangeResult, FrameworkScaleChoice, FrameworkScaleStatus } from '@proficio/shared/contracts';
import { FrameworksApi } from '@proficio/web/frameworks/data-access';
import { ApiProblem, DialogWrite } from '@proficio/web/shared/util';
import { FrameworkPick, FrameworkPicker, pickedFramework, requirePickedFramework } from '../shared/framework-picker';

export interface FrameworkScaleDialogData {
  /** The framework version shown: the change writes the version after the framework's latest. */
  readonly frameworkId: string;
  readonly frameworkKey: string;
  readonly code: string;
  /** The name of the scale it is rated on now. */
  readonly scaleName: string;
  readonly status: FrameworkScaleStatus;
}

export const GENERIC_SCALE_WORDS = 'the generic 1–5 proficiency scale';

/** Why the API refused the change, in words. */
export function scaleProblemMessage(problem: ApiProblem): string {
  if (problem.status === 409) {
    const reasons = (problem.errors ?? []).map((error) => error.message.replace(/^cannot change: /, ''));
    return reasons.length
      ? `The scale cannot change: ${reasons.join('; ')}.`
      : 'The scale cannot change any more: its competencies have levels of their own, or people have been assessed on it.';
  }
  if (problem.status === 422 && problem.errors?.some((error) => error.field === 'frameworkVersionId'))
    return 'The framework chosen no longer exists: choose another.';
  if (problem.status === 404) return 'This framework no longer exists.';
  if (problem.status === 403) return "Only administrators can change a framework's scale.";
  if (problem.status === 0) return 'The Proficio API could not be reached. Check your connection, then try again.';
  return `The scale could not be changed: ${problem.title}${problem.detail ? ` (${problem.detail})` : ''}.`;
}

/**
 * An administrator puts a framework whose competencies have no levels of their own on another scale: the generic
 * 1–5 proficiency scale or another framework's (searched by code or name). Says what the change does — it publishes
 * the framework's next version; the versions before stay as they are — and closes with the version written; a
 * refusal (people were assessed on it meanwhile, the framework chosen is gone) is said in the dialog.
 */
@Component({
  selector: 'app-framework-scale-dialog',
  imports: [FrameworkPicker, MatButtonModule, MatDialogModule, MatRadioModule, ReactiveFormsModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate data-testid="scale-dialog">
      <h2 mat-dialog-title>Change the scale of {{ data.code }}</h2>
      <mat-dialog-content>
        <p data-testid="scale-now">
          Now rated on <strong>{{ data.scaleName }}</strong>{{
            data.status.placeholder ? ', a one-level placeholder nobody can be rated on' : ''
          }}.
        </p>
        <p class="choice-label" id="scale-source-label">New scale</p>
        <mat-radio-group class="sources" formControlName="source" aria-labelledby="scale-source-label">
          <mat-radio-button value="generic">
            The generic 1–5 proficiency scale <span class="hint">— Novice, Advanced beginner, Competent, Proficient, Expert</span>
          </mat-radio-button>
          <mat-radio-button value="framework">The scale of another framework</mat-radio-button>
        </mat-radio-group>
        @if (source() === 'framework') {
          <!-- every framework but this one: its own scale is the one being replaced -->
          <app-framework-picker
            [control]="frameworkSearch"
            [excludeKey]="data.frameworkKey"
            requiredMessage="Choose the framework whose scale to use from the list"
            testId="scale-framework-search"
          />
        }
        <ul class="consequences" data-testid="scale-consequences">
          <li>
            Publishes version {{ data.status.latestVersionNumber + 1 }} of {{ data.code }} on {{ chosenWords() ?? 'the scale chosen' }};
            version {{ data.status.latestVersionNumber }} and those before stay as they are.
          </li>
          <li>Its competencies have no levels of their own: everyone is rated on the framework's scale.</li>
          <li>Once someone has been assessed on it, its scale can no longer change.</li>
        </ul>
        @if (write.problem(); as problem) {
          <p class="problem" role="alert" data-testid="scale-problem">{{ problem }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="write.saving()" data-testid="scale-confirm">
          {{ write.saving() ? 'Changing…' : 'Change scale' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    @use 'page';

    @include page.consequences-dialog($paragraph-space: 0.75rem);
    .choice-label {
      font: var(--mat-sys-title-small);
      margin-bottom: 0.25rem;
    }
    .sources {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      margin-bottom: 0.75rem;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkScaleDialog {
  private readonly api = inject(FrameworksApi);
  private readonly ref = inject<MatDialogRef<FrameworkScaleDialog, FrameworkScaleChangeResult>>(MatDialogRef);
  protected readonly data = inject<FrameworkScaleDialogData>(MAT_DIALOG_DATA);

  protected readonly sourceControl = new FormControl<'generic' | 'framework'>('generic', { nonNullable: true });
  /** The text typed, or the framework picked from the list. */
  protected readonly frameworkSearch = new FormControl<FrameworkPick>('', { nonNullable: true });
  protected readonly form = new FormGroup({ source: this.sourceControl, framework: this.frameworkSearch });
  protected readonly write = new DialogWrite();

  protected readonly source = toSignal(this.sourceControl.valueChanges, { initialValue: this.sourceControl.value });
  private readonly searchValue = toSignal(this.frameworkSearch.valueChanges, { initialValue: this.frameworkSearch.value });
  /** The framework picked; typing again unpicks it. */
  protected readonly chosen = computed(() => pickedFramework(this.searchValue()));

  protected readonly chosenWords = computed(() => {
    if (this.source() === 'generic') return GENERIC_SCALE_WORDS;
    const chosen = this.chosen();
    return chosen ? `the scale of ${chosen.code} (${chosen.name.text})` : null;
  });

  constructor() {
    this.form.valueChanges.subscribe(() => this.write.problem.set(null));
  }

  protected confirm(): void {
    let choice: FrameworkScaleChoice = { source: 'generic' };
    if (this.source() === 'framework') {
      const chosen = requirePickedFramework(this.frameworkSearch);
      if (!chosen) return;
      choice = { source: 'framework', frameworkVersionId: chosen.id };
    }
    this.write.run(this.api.changeScale(this.data.frameworkId, choice), (result) => this.ref.close(result), scaleProblemMessage);
  }
}

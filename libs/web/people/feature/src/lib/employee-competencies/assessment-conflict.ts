import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { AssessmentView } from '@proficio/shared/contracts';
import { LocalDatePipe, ProblemDetails } from '@proficio/web/shared/ui';
import { AssessmentRecording } from './assessment-recording';
import { ROLE_LABELS, recordLevelText } from './assessment-text';

/**
 * What stopped a dialog's assessment from being saved, above its fields: the newer record of a 409, with
 * the choice to save anyway or cancel, and what the API refused that no field shows. The elements' test
 * ids start with `testId` (`rate-conflict`, `rate-problem`).
 */
@Component({
  selector: 'app-assessment-conflict',
  imports: [LocalDatePipe, MatButtonModule, ProblemDetails],
  templateUrl: './assessment-conflict.html',
  styleUrl: './assessment-conflict.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssessmentConflict {
  readonly recording = input.required<AssessmentRecording>();
  readonly testId = input.required<string>();
  /** The label of the button that saves over the newer record. */
  readonly saveAnywayLabel = input.required<string>();
  /** Said when the newer record corrects the record being replaced. */
  readonly sameRecordNote = input.required<string>();
  /** Said last, before the buttons. */
  readonly advice = input<string | null>(null);
  readonly saveAnyway = output<AssessmentView>();
  readonly cancelled = output();

  protected readonly conflict = computed(() => this.recording().conflict());
  protected readonly problem = computed(() => this.recording().problem());
  protected readonly saving = computed(() => this.recording().saving());
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly recordLevelText = recordLevelText;
}

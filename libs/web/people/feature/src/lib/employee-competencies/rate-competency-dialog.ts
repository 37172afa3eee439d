import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { AbstractControl, FormControl, FormGroup, FormRecord, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  ASSESSMENT_CONFIDENCES,
  ASSESSMENT_LIMITS,
  AssessmentConfidence,
  AssessmentView,
  AssessorRole,
  EmployeeCompetencyView,
  EvidenceSummary,
  NamedRef,
  RecordAssessmentRequest,
  TextValue,
} from '@proficio/shared/contracts';
import { FrameworksApi } from '@proficio/web/frameworks/data-access';
import { FallbackMarker, FormattedText, competencyName } from '@proficio/web/frameworks/ui';
import { AssessmentsApi } from '@proficio/web/people/data-access';
import { LocalDatePipe, WithFrameworkVersionPipe, LocalNumberPipe } from '@proficio/web/shared/ui';
import { loaded, serverError } from '@proficio/web/shared/util';
import { fromIsoDate, injectDateInputPattern, localToday, provideLocaleDateAdapter, toIsoDate } from '@proficio/web/shared/util/date-input';
import type { DateTime } from 'luxon';
import { EMPTY, of, tap } from 'rxjs';
import { AssessmentConflict } from './assessment-conflict';
import { AssessmentRecording } from './assessment-recording';
import { CONFIDENCE_LABELS, OUTCOME_LABELS, ROLE_LABELS, assessedLevelText, levelName, recordLevelText } from './assessment-text';

export interface RateCompetencyData {
  /** Whom the assessment is about. */
  readonly employee: NamedRef;
  /** The Competencies tab's row: its levels, and the current records the form is based on. */
  readonly row: EmployeeCompetencyView;
  /** The roles the caller may rate in (not empty). */
  readonly mayRate: readonly AssessorRole[];
  /**
   * A record of the history to correct (the latest of its chain, of a role in `mayRate`): the form
   * starts from its answer, rationale, confidence and date, keeps its role, and asks why.
   */
  readonly correcting?: AssessmentView;
}

/** A level, or one of the answers that carry none. */
export type LevelChoice = number | 'not_assessed' | 'not_applicable';

/** One option of the level radio group, with what the level means. */
interface LevelOption {
  readonly value: LevelChoice;
  /** "Not assessed" or "Not applicable": no level. */
  readonly answer: boolean;
  readonly code: string;
  readonly label?: TextValue;
  readonly description?: TextValue;
  readonly indicators: readonly TextValue[];
  /** "Current manager level" / "Current self-assessment" beside the option the tab shows. */
  readonly current: string[];
  /** The id of the element saying what the level means, when there is one. */
  readonly describedBy: string | null;
}

/** One piece of the person's accepted evidence the manager may rely on. */
interface EvidenceOption {
  readonly id: string;
  readonly title: string;
  /** The level it claimed of this competency, in words ("e-2 Professional"); null when it claims another version. */
  readonly claimed: string | null;
  /** When its accepted revision was submitted. */
  readonly submittedOn: string;
}

/**
 * Rates one competency of one person: every level with its description and behaviour indicators (so
 * the level is chosen by reading what it means), "Not assessed" and "Not applicable", the rationale
 * (required from a manager), confidence and date. It saves through the assessments store (the tab
 * reloads), puts the API's field errors on the fields, and on a 409 shows the newer record and lets
 * the user save their choice over it or cancel. Closes with the saved record.
 *
 * With `correcting`, the same form records a correction of that record: it starts from the record's
 * answer, keeps its role, and requires a reason. When the newer record of a 409 is a correction of
 * the same record, saving anyway corrects that one instead (it is now the latest of the chain).
 *
 * In the manager role (a rating or a correction, never a self-assessment), the person's accepted
 * evidence of this competency is listed with checkboxes: the ticked pieces are sent as `evidence`,
 * what the assessment relies on (a correction starts from what the corrected record relied on), and
 * the API's `evidence.N` errors show beside the piece they name.
 */
@Component({
  selector: 'app-rate-competency-dialog',
  imports: [
    AssessmentConflict,
    LocalNumberPipe,
    WithFrameworkVersionPipe,
    FallbackMarker,
    FormattedText,
    LocalDatePipe,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatRadioModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [provideLocaleDateAdapter()],
  templateUrl: './rate-competency-dialog.html',
  styleUrl: './rate-competency-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RateCompetencyDialog {
  protected readonly data = inject<RateCompetencyData>(MAT_DIALOG_DATA);
  private readonly frameworks = inject(FrameworksApi);
  private readonly assessments = inject(AssessmentsApi);

  protected readonly row = this.data.row;
  protected readonly correcting = this.data.correcting ?? null;
  protected readonly roles: readonly AssessorRole[] = this.correcting ? [this.correcting.role] : this.data.mayRate;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly confidences = ASSESSMENT_CONFIDENCES;
  protected readonly confidenceLabels = CONFIDENCE_LABELS;
  protected readonly rationaleMax = ASSESSMENT_LIMITS.rationaleLength;
  protected readonly reasonMax = ASSESSMENT_LIMITS.reasonLength;
  protected readonly today = localToday();
  /** How the browser's locale writes a date (DD/MM/YYYY in en-GB), as the date field reads it. */
  protected readonly datePattern = injectDateInputPattern();
  protected readonly serverError = serverError;
  protected readonly recordLevelText = recordLevelText;
  protected readonly name = competencyName(this.row.competency);

  /** The competency's own levels and its framework's scale: what each level means. */
  protected readonly detail = loaded(() => this.frameworks.getCompetency(this.row.competency.id));

  private readonly role = new FormControl<AssessorRole>(this.roles.includes('manager') ? 'manager' : 'self', { nonNullable: true });
  protected readonly form = new FormGroup({
    role: this.role,
    choice: new FormControl<LevelChoice | null>(this.correcting ? choiceOf(this.correcting) : null, Validators.required),
    rationale: new FormControl(this.correcting?.rationale ?? '', {
      nonNullable: true,
      validators: [(control: AbstractControl<string>) => this.rationaleRequired(control), Validators.maxLength(this.rationaleMax)],
    }),
    confidence: new FormControl<AssessmentConfidence | ''>(this.correcting?.confidence ?? '', { nonNullable: true }),
    assessedOn: new FormControl<DateTime | null>(
      this.correcting ? fromIsoDate(this.correcting.assessedOn) : this.today,
      Validators.required,
    ),
    /** Why the record is corrected: asked only of a correction. */
    reason: new FormControl('', {
      nonNullable: true,
      validators: [(control: AbstractControl<string>) => this.reasonRequired(control), Validators.maxLength(this.reasonMax)],
    }),
    /** Ticked accepted evidence, by id: one control per piece listed, added as the list loads. */
    evidence: new FormRecord<FormControl<boolean>>({}),
  });

  /**
   * The person's accepted evidence of this competency, when the caller may rate as manager (a
   * self-assessment relies on none): the newest first.
   */
  protected readonly evidence = loaded(this.roles.includes('manager') ? of(this.row.competency.id) : EMPTY, (competencyId) =>
    this.assessments.acceptedEvidence(this.data.employee.id, competencyId).pipe(tap((page) => this.addEvidenceControls(page.items))),
  );
  protected readonly evidenceOptions = computed(() => (this.evidence.value()?.items ?? []).map((item) => this.evidenceOption(item)));
  /** More accepted evidence than the list shows (only the newest are listed). */
  protected readonly evidenceMore = computed(() => {
    const page = this.evidence.value();
    return page && page.total > page.items.length ? page.total : null;
  });
  /** Saving, and what stopped it; what it replaces is the record corrected, or the correction of it a 409 showed. */
  protected readonly recording = new AssessmentRecording(this.correcting?.id ?? null);
  /** The record the user has seen and chosen to save over, per role. */
  private readonly seen = signal<Partial<Record<AssessorRole, string>>>({});
  protected readonly chosenRole = signal(this.role.value);

  protected readonly heading = computed(() =>
    this.correcting
      ? `Correct ${this.correcting.role === 'self' ? 'the self-assessment' : 'the manager assessment'} of ${this.name}`
      : this.chosenRole() === 'self' && this.roles.length === 1
        ? `Rate yourself on ${this.name}`
        : `Rate ${this.name}`,
  );

  protected readonly options = computed<LevelOption[]>(() => {
    const detail = this.detail.value();
    const current = (role: AssessorRole, value: LevelChoice): string[] => {
      const assessed = role === 'manager' ? this.row.manager : this.row.self;
      if (!assessed) return [];
      const matches = assessed.outcome === 'rated' ? assessed.level === value : assessed.outcome === value;
      return matches ? [role === 'manager' ? 'Current manager level' : 'Current self-assessment'] : [];
    };
    const both = (value: LevelChoice) => [...current('manager', value), ...current('self', value)];
    const levels = this.row.levels.map((level): LevelOption => {
      const own = detail?.levels.find((defined) => defined.level === level.level);
      const scale = detail?.scale.find((step) => step.number === level.level);
      const description = own?.description ?? scale?.description;
      const indicators = own?.indicators ?? [];
      return {
        value: level.level,
        answer: false,
        code: level.code,
        label: level.label,
        description,
        indicators,
        current: both(level.level),
        describedBy: description || indicators.length ? `level-meaning-${level.level}` : null,
      };
    });
    const answers = (['not_assessed', 'not_applicable'] as const).map((outcome): LevelOption => ({
      value: outcome,
      answer: true,
      code: OUTCOME_LABELS[outcome],
      indicators: [],
      current: both(outcome),
      describedBy: null,
    }));
    return [...levels, ...answers];
  });

  constructor() {
    this.role.valueChanges.subscribe((role) => {
      this.chosenRole.set(role);
      this.form.controls.rationale.updateValueAndValidity();
    });
  }

  protected currentText(role: AssessorRole): string | null {
    const assessed = role === 'manager' ? this.row.manager : this.row.self;
    return assessed ? assessedLevelText(this.row.levels, assessed) : null;
  }

  protected save(): void {
    this.form.controls.rationale.setValue(this.form.controls.rationale.value.trim());
    this.form.controls.reason.setValue(this.form.controls.reason.value.trim());
    this.form.markAllAsTouched();
    if (this.form.invalid || this.recording.saving()) return;
    const { role, choice, rationale, confidence, assessedOn, reason, evidence: ticked } = this.form.getRawValue();
    if (choice === null) return;
    const replaces = this.recording.replaces();
    // in the list's order, so that `evidence.N` of a refusal names the N-th ticked piece
    const evidence =
      role === 'manager'
        ? this.evidenceOptions()
            .filter((option) => ticked[option.id])
            .map((option) => option.id)
        : [];
    const request: RecordAssessmentRequest = {
      employeeId: this.data.employee.id,
      competencyId: this.row.competency.id,
      role,
      ...(typeof choice === 'number' ? { outcome: 'rated', level: choice } : { outcome: choice }),
      assessedOn: toIsoDate(assessedOn) ?? undefined,
      ...(rationale ? { rationale } : {}),
      ...(confidence ? { confidence } : {}),
      basedOn: this.basedOn(role),
      ...(replaces ? { replaces, reason } : {}),
      ...(evidence.length ? { evidence } : {}),
    };
    const fields: Record<string, string> = {
      level: 'choice',
      outcome: 'choice',
      ...Object.fromEntries(evidence.map((id, index) => [`evidence.${index}`, `evidence.${id}`])),
    };
    this.recording.record(request, this.form, fields);
  }

  /**
   * Keeps the user's choice and saves it over the newer record, which they have now seen. A newer
   * correction of the record being corrected is the latest of its chain now: the correction replaces it.
   */
  protected saveOverNewer(newer: AssessmentView): void {
    this.seen.update((seen) => ({ ...seen, [newer.role]: newer.id }));
    this.recording.replaceIfSameRecord(newer);
    this.save();
  }

  /** The latest record of this role the user has seen: the tab's, or the newer one a 409 showed. */
  private basedOn(role: AssessorRole): string | null {
    const shown = role === 'manager' ? this.row.manager : this.row.self;
    return this.seen()[role] ?? shown?.assessmentId ?? null;
  }

  /** A control per listed piece, ticked when the corrected record relied on it; kept across reloads. */
  private addEvidenceControls(items: readonly EvidenceSummary[]): void {
    const reliedOn = new Set((this.correcting?.evidence ?? []).map((piece) => piece.id.toLowerCase()));
    for (const item of items) {
      if (this.form.controls.evidence.contains(item.id)) continue;
      this.form.controls.evidence.addControl(item.id, new FormControl(reliedOn.has(item.id.toLowerCase()), { nonNullable: true }));
    }
  }

  private evidenceOption(item: EvidenceSummary): EvidenceOption {
    const claim = item.claims.find((one) => one.competency.id.toLowerCase() === this.row.competency.id.toLowerCase());
    return {
      id: item.id,
      title: item.title,
      claimed: claim ? levelName(claim.levelCode, claim.levelLabel?.text, claim.level) : null,
      submittedOn: item.submittedAt ?? item.updatedAt,
    };
  }

  private rationaleRequired(control: AbstractControl<string>): ValidationErrors | null {
    return this.role.value === 'manager' && !control.value.trim() ? { required: true } : null;
  }

  private reasonRequired(control: AbstractControl<string>): ValidationErrors | null {
    return this.correcting && !control.value.trim() ? { required: true } : null;
  }
}

/** A record's answer as the level radio group holds it. */
function choiceOf(record: AssessmentView): LevelChoice | null {
  if (!record.outcome) return null;
  return record.outcome === 'rated' ? (record.level ?? null) : record.outcome;
}

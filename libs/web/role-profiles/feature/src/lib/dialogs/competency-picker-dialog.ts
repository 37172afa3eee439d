import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import { CompetencySearchHit } from '@proficio/shared/contracts';
import { CompetencyHits, competencyName, competencyShortName } from '@proficio/web/frameworks/ui';
import { DraftRequirement, RoleProfilesApi, levelOptions, requirementFor } from '@proficio/web/role-profiles/data-access';
import { SearchField, WithFrameworkVersionPipe } from '@proficio/web/shared/ui';
import { loaded } from '@proficio/web/shared/util';
import { of } from 'rxjs';

export interface CompetencyPickerData {
  /** Competencies the draft lists already: picking one again replaces its target. */
  readonly existingIds: readonly string[];
}

/** How many search hits the picker shows. */
export const PICKER_PAGE_SIZE = 10;

/**
 * Finds a competency in any framework, shows each of its levels with the level's description, and
 * closes with a requirement at the chosen level, required or nice to have.
 */
@Component({
  selector: 'app-competency-picker-dialog',
  imports: [
    CompetencyHits,
    WithFrameworkVersionPipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatDialogModule,
    MatProgressSpinnerModule,
    MatRadioModule,
    ReactiveFormsModule,
    SearchField,
  ],
  templateUrl: './competency-picker-dialog.html',
  styleUrl: './competency-picker-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompetencyPickerDialog {
  protected readonly data = inject<CompetencyPickerData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<CompetencyPickerDialog, DraftRequirement>>(MatDialogRef);
  private readonly api = inject(RoleProfilesApi);

  /** "C.1 User Support", or the title alone for a competency without a code. */
  protected readonly competencyName = competencyName;
  protected readonly competencyShortName = competencyShortName;

  protected readonly q = signal('');
  protected readonly hits = loaded(toObservable(this.q), (q) => this.api.searchCompetencies({ q, pageSize: PICKER_PAGE_SIZE }));

  /** The competency picked from the hits; its levels load once one is picked. */
  protected readonly picked = signal<CompetencySearchHit | null>(null);
  protected readonly competency = loaded(toObservable(this.picked), (hit) => (hit ? this.api.getCompetency(hit.id) : of(null)));
  protected readonly levels = computed(() => {
    const competency = this.competency.value();
    return competency ? levelOptions(competency) : [];
  });

  protected readonly form = new FormGroup({
    targetLevel: new FormControl<number | null>(null, { validators: [Validators.required] }),
    required: new FormControl(true, { nonNullable: true }),
  });
  protected readonly targetLevel = toSignal(this.form.controls.targetLevel.valueChanges, { initialValue: null });

  /** Why "Add to the draft" cannot be pressed yet (shown beside it and read with it), or null once it can. */
  protected readonly addBlockedReason = computed(() => {
    if (!this.picked()) return 'Pick a competency, then choose its target level.';
    if (this.targetLevel() === null) return 'Choose a target level to add it.';
    return null;
  });

  protected isListed(hit: CompetencySearchHit): boolean {
    return this.data.existingIds.includes(hit.id);
  }
  /** Marks the hits the draft lists already. */
  protected readonly listedNote = (hit: CompetencySearchHit): string => (this.isListed(hit) ? ' · in the profile' : '');

  protected search(q: string): void {
    this.q.set(q);
  }

  protected pick(hit: CompetencySearchHit): void {
    this.picked.set(hit);
    this.form.controls.targetLevel.setValue(null);
  }

  protected back(): void {
    this.picked.set(null);
  }

  protected add(): void {
    const competency = this.competency.value();
    const { targetLevel, required } = this.form.getRawValue();
    if (!competency || targetLevel === null) return;
    this.ref.close(requirementFor(competency, targetLevel, required));
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatListModule } from '@angular/material/list';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import { CompetencyDetail, CompetencySearchHit, Page } from '@proficio/shared/contracts';
import { DraftRequirement, RoleProfilesApi, levelOptions, requirementFor } from '@proficio/web/role-profiles/data-access';
import { SearchField } from '@proficio/web/shared/ui';
import { LOADING, LoadState, toLoadState } from '@proficio/web/shared/util';
import { of, switchMap } from 'rxjs';

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
    FormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatDialogModule,
    MatListModule,
    MatProgressSpinnerModule,
    MatRadioModule,
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

  protected readonly q = signal('');
  protected readonly hits = toSignal(
    toObservable(this.q).pipe(switchMap((q) => this.api.searchCompetencies({ q, pageSize: PICKER_PAGE_SIZE }).pipe(toLoadState()))),
    { initialValue: LOADING as LoadState<Page<CompetencySearchHit>> },
  );

  /** The competency picked from the hits. */
  protected readonly picked = signal<CompetencySearchHit | null>(null);
  protected readonly competency = toSignal(
    toObservable(this.picked).pipe(switchMap((hit) => (hit ? this.api.getCompetency(hit.id).pipe(toLoadState()) : of(null)))),
    { initialValue: null as LoadState<CompetencyDetail> | null },
  );
  protected readonly levels = computed(() => {
    const state = this.competency();
    return state?.status === 'loaded' ? levelOptions(state.value) : [];
  });

  protected readonly targetLevel = signal<number | null>(null);
  protected readonly required = signal(true);

  protected isListed(hit: CompetencySearchHit): boolean {
    return this.data.existingIds.includes(hit.id);
  }

  protected search(q: string): void {
    this.q.set(q);
  }

  protected pick(hit: CompetencySearchHit): void {
    this.picked.set(hit);
    this.targetLevel.set(null);
  }

  protected back(): void {
    this.picked.set(null);
  }

  protected add(): void {
    const state = this.competency();
    const level = this.targetLevel();
    if (state?.status !== 'loaded' || level === null) return;
    this.ref.close(requirementFor(state.value, level, this.required()));
  }
}

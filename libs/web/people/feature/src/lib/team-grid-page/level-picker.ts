import { A11yModule } from '@angular/cdk/a11y';
import { CdkListbox, CdkOption, ListboxValueChangeEvent } from '@angular/cdk/listbox';
import { ChangeDetectionStrategy, Component, afterNextRender, computed, input, output, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { AssessedLevel, TeamGridCompetency } from '@proficio/shared/contracts';
import { LocalDatePipe } from '@proficio/web/shared/ui';
import { CellValue, describeValue, valueFromKey, valueKey, valueOf } from './team-grid-model';

/** What the picker of one cell shows. */
export interface LevelPickerView {
  readonly personName: string;
  readonly competency: TeamGridCompetency;
  /** The manager level in force, as loaded. */
  readonly current?: AssessedLevel;
  /** What the cell shows: the change, else the current level. */
  readonly shown: CellValue | null;
  readonly changed: boolean;
  readonly targetCode: string | null;
}

/**
 * A team-grid cell's level picker: the competency's own levels (code and label, the description in
 * full on hover or focus), "Not assessed" and "Not applicable", as a listbox that takes focus when it
 * opens. Choosing emits `picked`; "Rate again" re-rates at the level in force (a stale one, or one from
 * an earlier version); "Undo this change" drops the cell's change.
 */
@Component({
  selector: 'app-level-picker',
  imports: [A11yModule, CdkListbox, CdkOption, LocalDatePipe, MatButtonModule],
  templateUrl: './level-picker.html',
  styleUrl: './level-picker.scss',
  // Heard where they bubble to from the options (see closeOnShown).
  host: { '(click)': 'closeOnShown($event)', '(keydown.enter)': 'closeOnShown($event)', '(keydown.space)': 'closeOnShown($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LevelPicker {
  readonly view = input.required<LevelPickerView>();
  readonly picked = output<CellValue>();
  readonly undone = output<void>();
  readonly cancelled = output<void>();

  private readonly listbox = viewChild.required(CdkListbox);

  protected readonly levels = computed(() =>
    this.view().competency.levels.map((level) => ({ ...level, key: valueKey({ outcome: 'rated', level: level.level }) })),
  );
  protected readonly selected = computed(() => {
    const shown = this.view().shown;
    return shown ? [valueKey(shown)] : [];
  });
  protected readonly currentValue = computed(() => valueOf(this.view().current));
  protected readonly currentText = computed(() => describeValue(this.currentValue(), this.view().competency));

  constructor() {
    // Focus goes to the level shown (or the first) once the picker is on screen.
    afterNextRender(() => this.listbox().focus());
  }

  protected choose(event: ListboxValueChangeEvent<string>): void {
    const value = valueFromKey(event.option?.value ?? event.value[0] ?? '');
    if (value) this.picked.emit(value);
  }

  /** Choosing the answer the cell already shows changes nothing (the listbox says nothing either): it closes the picker. */
  protected closeOnShown(event: Event): void {
    const option = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-key]') : null;
    if (option && this.selected().includes(option.dataset['key'] ?? '')) this.cancelled.emit();
  }

  protected rateAgain(): void {
    const current = this.currentValue();
    if (current) this.picked.emit(current);
  }
}

import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, output } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';
import { CompetencyLabel, competencyLabel, competencyShortName } from '../outline/competency-label';
import { OutlinedFramework, distinctLevelLabel, levelTitle, outlinedCompetencies } from '../outline/framework-outline';
import { WarningIcon } from '../warnings/warning-icon';
import { WarningIndex } from '../warnings/warning-index';

/** A competency at a level: what a grid cell opens. */
export interface LevelGridCell {
  readonly competencyId: string;
  readonly level: number;
}

type CellKind = 'defined' | 'not-practised' | 'none';

interface GridRow {
  readonly id: string;
  /** Its code, or its place in the outline when it has none. */
  readonly label: CompetencyLabel | null;
  readonly title: string;
  readonly language: string;
  /** Category path to print above the row when it starts a new group. */
  readonly groupLabel: string | null;
  readonly cells: { readonly level: number; readonly kind: CellKind; readonly label: string; readonly warnings: number }[];
}

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * Rows = competencies, columns = the scale's levels; a cell marks where a
 * competency is defined (or declared not practised) and opens it at that
 * level. Arrow keys move between cells.
 */
@Component({
  selector: 'app-level-grid',
  imports: [MatTooltipModule, WarningIcon],
  templateUrl: './level-grid.html',
  styleUrl: './level-grid.scss',
  host: { '(keydown)': 'moveFocus($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LevelGrid {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly tree = input.required<OutlinedFramework>();
  readonly warnings = input<WarningIndex>();
  readonly selected = input<LevelGridCell | null>(null);
  readonly cellSelected = output<LevelGridCell>();

  protected readonly levels = computed(() =>
    this.tree().scale.levels.map((level) => ({
      number: level.number,
      code: level.code,
      label: distinctLevelLabel(level),
      essence: level.description?.text ?? '',
      title: levelTitle(level),
    })),
  );

  protected readonly rows = computed((): GridRow[] => {
    let previousGroup = '';
    return outlinedCompetencies(this.tree()).map(({ competency, categoryPath, position }) => {
      const group = categoryPath.join(' › ');
      const groupLabel = group !== previousGroup && group ? group : null;
      previousGroup = group;
      return {
        id: competency.id,
        label: competencyLabel(competency, position),
        title: competency.title.text,
        language: competency.title.language,
        groupLabel,
        cells: this.levels().map((level) => {
          const kind: CellKind = competency.levels.includes(level.number)
            ? 'defined'
            : competency.notPractisedLevels.includes(level.number)
              ? 'not-practised'
              : 'none';
          const warnings = this.warnings()?.inLevel(competency.id, level.number).length ?? 0;
          const state = kind === 'defined' ? 'defined' : kind === 'not-practised' ? 'not practised' : 'not defined';
          return {
            level: level.number,
            kind,
            warnings,
            label: `${competencyShortName(competency)} at ${level.title}: ${state}${warnings ? `, ${warnings} data-quality warning${warnings === 1 ? '' : 's'}` : ''}`,
          };
        }),
      };
    });
  });

  protected isSelected(row: GridRow, level: number): boolean {
    const selected = this.selected();
    return selected?.competencyId === row.id && selected.level === level;
  }

  protected openCell(row: GridRow, level: number): void {
    this.cellSelected.emit({ competencyId: row.id, level });
  }

  /** Moves focus to the nearest cell button in the arrow's direction. */
  protected moveFocus(event: KeyboardEvent): void {
    const step = ARROWS[event.key];
    const from = event.target as HTMLElement;
    if (!step || !from.matches('button[data-row]')) return;
    const row = Number(from.dataset['row']);
    const col = Number(from.dataset['col']);
    const buttons = Array.from(this.host.nativeElement.querySelectorAll<HTMLButtonElement>('button[data-row]'));
    const candidates = buttons
      .map((button) => ({ button, row: Number(button.dataset['row']), col: Number(button.dataset['col']) }))
      .filter((c) => (step[0] ? Math.sign(c.row - row) === step[0] : c.row === row && Math.sign(c.col - col) === step[1]))
      .sort((a, b) =>
        step[0]
          ? Math.abs(a.row - row) - Math.abs(b.row - row) || Math.abs(a.col - col) - Math.abs(b.col - col)
          : Math.abs(a.col - col) - Math.abs(b.col - col),
      );
    if (candidates.length > 0) {
      event.preventDefault();
      candidates[0].button.focus();
    }
  }
}

import { CdkConnectedOverlay, ConnectedPosition } from '@angular/cdk/overlay';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, linkedSignal, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleChange, MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { ActivatedRoute, ParamMap, Router, RouterLink } from '@angular/router';
import { ASSESSMENT_LIMITS, TeamGrid, TeamGridQuery } from '@proficio/shared/contracts';
import { TeamGridStore } from '@proficio/web/people/data-access';
import {
  ConfirmDialog,
  ConfirmDialogData,
  FilterOption,
  HasUnsavedChanges,
  ProblemDetails,
  SelectFilter,
  SelectFilters,
  warnBeforeUnload,
} from '@proficio/web/shared/ui';
import {
  ApiProblem,
  QueryParams,
  applyServerErrors,
  keptWhileLoading,
  problemFromError,
  withFrameworkVersion,
} from '@proficio/web/shared/util';
import { distinctUntilChanged, map } from 'rxjs';
import { ChangesPanel, RationaleForm } from './changes-panel';
import { GridIcon } from './grid-icon';
import { LevelPicker, LevelPickerView } from './level-picker';
import {
  CellChange,
  CellValue,
  CellView,
  batchRecords,
  cellKey,
  columnGroups,
  competencyName,
  describeValue,
  gridRows,
  sortBatchErrors,
  valueOf,
} from './team-grid-model';

/** Whose reports and which columns, as the URL has them. */
interface GridQuery {
  readonly scope: 'direct' | 'line';
  /** '' for every role profile. */
  readonly roleProfileId: string;
  /** '' for every framework (version). */
  readonly frameworkId: string;
}

function readQuery(params: ParamMap): GridQuery {
  return {
    scope: params.get('scope') === 'line' ? 'line' : 'direct',
    roleProfileId: params.get('roleProfileId')?.trim() ?? '',
    frameworkId: params.get('frameworkId')?.trim() ?? '',
  };
}

const sameQuery = (a: GridQuery, b: GridQuery) =>
  a.scope === b.scope && a.roleProfileId === b.roleProfileId && a.frameworkId === b.frameworkId;

function apiQuery(query: GridQuery): TeamGridQuery {
  return {
    scope: query.scope,
    ...(query.roleProfileId ? { roleProfileId: query.roleProfileId } : {}),
    ...(query.frameworkId ? { frameworkId: query.frameworkId } : {}),
  };
}

/** How many rows PageUp and PageDown move. */
export const PAGE_ROWS = 10;

/** The picker opens below the cell, or above it when there is no room below. */
const PICKER_POSITIONS: ConnectedPosition[] = [
  { originX: 'start', originY: 'bottom', overlayX: 'start', overlayY: 'top', offsetY: 4 },
  { originX: 'start', originY: 'top', overlayX: 'start', overlayY: 'bottom', offsetY: -4 },
  { originX: 'end', originY: 'bottom', overlayX: 'end', overlayY: 'top', offsetY: 4 },
];

/** A rationale of spaces says nothing: the API would take it, the rule ("say why") would not. */
function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() ? null : { required: true };
}

interface Position {
  readonly row: number;
  readonly col: number;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * `/team` ("My team"): the signed-in manager's reports (direct, or the whole line) × the competencies
 * of their role profiles, each cell the current manager level against the target. A cell opens a level
 * picker; the changes are collected and saved together with one rationale, in one request (all or
 * nothing), and a refusal is shown on the cells it names. Arrow keys move between cells.
 */
@Component({
  selector: 'app-team-grid-page',
  imports: [
    CdkConnectedOverlay,
    ChangesPanel,
    GridIcon,
    LevelPicker,
    MatButtonModule,
    MatButtonToggleModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    ProblemDetails,
    RouterLink,
    SelectFilters,
  ],
  templateUrl: './team-grid-page.html',
  styleUrl: './team-grid-page.scss',
  // The grid's keys and focus, heard where they bubble to (only events from a cell are acted on).
  host: { '(keydown)': 'navigateGrid($event)', '(focusin)': 'trackFocus($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamGridPage implements HasUnsavedChanges {
  private readonly store = inject(TeamGridStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  protected readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  private readonly query$ = this.route.queryParamMap.pipe(map(readQuery), distinctUntilChanged(sameQuery));
  protected readonly query = toSignal(this.query$, { requireSync: true });
  /** Reloads after each saved batch (and each change to people). */
  private readonly grid = this.store.grid(this.query$.pipe(map(apiQuery)));
  /** The grid on screen: kept while the next one loads (a filter, a reload after saving). */
  protected readonly shown = keptWhileLoading(this.grid.state);
  protected readonly loading = this.grid.loading;
  protected readonly loadProblem = this.grid.problem;
  protected readonly saving = this.store.saving;

  protected readonly groups = computed(() => columnGroups(this.shown()?.competencies ?? []));
  protected readonly competencies = computed(() => this.shown()?.competencies ?? []);

  /** Changes not saved yet, by cell key, in the order they were made. */
  protected readonly changes = signal<ReadonlyMap<string, CellChange>>(new Map());
  /** What the API said about each cell's record in the last refused save. */
  private readonly cellErrors = signal<ReadonlyMap<string, readonly string[]>>(new Map());
  /** Cells the last 409 named: someone saved a newer level since they were changed. */
  private readonly conflicts = signal<ReadonlySet<string>>(new Set());
  /** Why the last save was refused (what no cell shows), or null. */
  protected readonly saveProblem = signal<ApiProblem | null>(null);
  /** What the last action did, for the live region. */
  protected readonly status = signal('');

  protected readonly rows = computed(() => {
    const grid = this.shown();
    return grid ? gridRows(grid, { changes: this.changes(), errors: this.cellErrors(), conflicts: this.conflicts() }) : [];
  });

  private readonly lookup = computed(() => {
    const grid = this.shown();
    return {
      people: new Map((grid?.people ?? []).map((person) => [person.id, person])),
      competencies: new Map((grid?.competencies ?? []).map((competency) => [competency.id, competency])),
      cells: new Map((grid?.cells ?? []).map((cell) => [cellKey(cell.employeeId, cell.competencyId), cell])),
      views: new Map(this.rows().flatMap((row) => row.cells.map((cell) => [cell.key, cell] as const))),
    };
  });

  protected readonly changeCount = computed(() => this.changes().size);
  /** Changes to cells the current filters do not show (they are saved too). */
  protected readonly hiddenChangeCount = computed(() => [...this.changes().keys()].filter((key) => !this.lookup().views.has(key)).length);

  /** The cells in error, with who and what, for the list under the save bar (some may be hidden by the filters). */
  protected readonly errorList = computed(() =>
    [...this.cellErrors()].map(([key, messages]) => {
      const change = this.changes().get(key);
      return {
        key,
        where: change ? `${change.personName} · ${change.competencyName}` : key,
        messages,
        visible: this.lookup().views.has(key),
      };
    }),
  );

  /** Changed cells whose level someone else has saved since: the 409's, and any the reloaded grid shows as newer. */
  protected readonly conflictList = computed(() =>
    [...this.changes()]
      .filter(([key]) => this.conflicts().has(key) || !!this.lookup().views.get(key)?.conflict)
      .map(([key, change]) => {
        const competency = this.lookup().competencies.get(change.competencyId);
        const current = this.lookup().cells.get(key)?.manager;
        return {
          key,
          where: `${change.personName} · ${change.competencyName}`,
          now: competency && current ? describeValue(valueOf(current), competency) : null,
          assessedOn: current?.assessedOn ?? null,
          yours: competency ? describeValue(change.value, competency) : '',
          visible: this.lookup().views.has(key),
        };
      }),
  );

  /** The filters' choices: every role profile and framework seen in this visit's grids, so that choosing one keeps the others. */
  private readonly seenRoleProfiles = linkedSignal<TeamGrid | null, ReadonlyMap<string, string>>({
    source: this.shown,
    computation: (grid, previous) => {
      const seen = new Map(previous?.value ?? []);
      for (const person of grid?.people ?? []) if (person.roleProfile) seen.set(person.roleProfile.id, person.roleProfile.name);
      return seen;
    },
  });
  private readonly seenFrameworks = linkedSignal<TeamGrid | null, ReadonlyMap<string, string>>({
    source: this.shown,
    computation: (grid, previous) => {
      const seen = new Map(previous?.value ?? []);
      for (const { framework } of grid?.competencies ?? []) {
        seen.set(framework.id, withFrameworkVersion(framework.name.text, framework.versionLabel));
      }
      return seen;
    },
  });
  protected readonly filters = computed((): SelectFilter[] => [
    {
      param: 'roleProfileId',
      label: 'Role profile',
      anyLabel: 'Any role profile',
      options: this.options(this.seenRoleProfiles(), this.query().roleProfileId, 'The chosen role profile'),
      testId: 'team-grid-role-profile-filter',
      width: '16rem',
    },
    {
      param: 'frameworkId',
      label: 'Framework',
      anyLabel: 'Any framework',
      options: this.options(this.seenFrameworks(), this.query().frameworkId, 'The chosen framework'),
      testId: 'team-grid-framework-filter',
      width: '16rem',
    },
  ]);
  protected readonly isFiltered = computed(() => !!(this.query().roleProfileId || this.query().frameworkId));

  protected readonly form: RationaleForm = new FormGroup({
    rationale: new FormControl('', {
      nonNullable: true,
      validators: [notBlank, Validators.maxLength(ASSESSMENT_LIMITS.rationaleLength)],
    }),
  });
  private readonly changesPanel = viewChild(ChangesPanel);

  /** The cell that takes Tab into the grid (roving tabindex); arrow keys move it. */
  private readonly activeCell = signal<Position>({ row: 0, col: 0 });
  protected readonly active = computed((): Position => {
    const { row, col } = this.activeCell();
    const rows = this.rows().length;
    const cols = this.competencies().length + 1;
    return { row: Math.max(0, Math.min(row, rows - 1)), col: Math.max(0, Math.min(col, cols - 1)) };
  });

  /** The cell whose level picker is open, and where it sits. */
  protected readonly picker = signal<{ readonly key: string; readonly at: Position; readonly origin: HTMLElement } | null>(null);
  protected readonly pickerPositions = PICKER_POSITIONS;
  protected readonly pickerView = computed((): { key: string; view: LevelPickerView } | null => {
    const open = this.picker();
    const cell = open ? this.lookup().views.get(open.key) : undefined;
    const person = cell && this.lookup().people.get(cell.employeeId);
    const competency = cell && this.lookup().competencies.get(cell.competencyId);
    if (!open || !cell || !person || !competency) return null;
    const change = this.changes().get(open.key);
    const current = this.lookup().cells.get(open.key)?.manager;
    return {
      key: open.key,
      view: {
        personName: person.name,
        competency,
        current,
        shown: change?.value ?? valueOf(current),
        changed: !!change,
        targetCode: cell.targetCode,
      },
    };
  });

  constructor() {
    warnBeforeUnload(() => this.hasUnsavedChanges());
  }

  hasUnsavedChanges(): boolean {
    return this.changes().size > 0;
  }

  // Filters

  protected selectScope(event: MatButtonToggleChange): void {
    this.navigate({ scope: event.value === 'line' ? 'line' : null });
  }

  protected clearFilters(): void {
    this.navigate({ roleProfileId: null, frameworkId: null });
  }

  protected retry(): void {
    this.grid.reload();
  }

  // Keyboard navigation

  protected trackFocus(event: FocusEvent): void {
    const position = this.positionOf(event.target);
    if (!position) return;
    this.activeCell.set(position);
    // Tab into the grid, or a click on a cell half under the sticky parts.
    if (event.target instanceof HTMLElement) this.reveal(event.target);
  }

  /** Arrow keys, Home/End (Ctrl: the grid's corners), PageUp/PageDown; on a level cell a digit picks that level and Delete undoes the change. */
  protected navigateGrid(event: KeyboardEvent): void {
    const from = this.positionOf(event.target);
    if (!from || event.altKey || event.metaKey) return;
    const last = { row: this.rows().length - 1, col: this.competencies().length };
    const moves: Record<string, Position> = {
      ArrowUp: { row: from.row - 1, col: from.col },
      ArrowDown: { row: from.row + 1, col: from.col },
      ArrowLeft: { row: from.row, col: from.col - 1 },
      ArrowRight: { row: from.row, col: from.col + 1 },
      Home: event.ctrlKey ? { row: 0, col: 0 } : { row: from.row, col: 0 },
      End: event.ctrlKey ? last : { row: from.row, col: last.col },
      PageUp: { row: from.row - PAGE_ROWS, col: from.col },
      PageDown: { row: from.row + PAGE_ROWS, col: from.col },
    };
    const to = moves[event.key];
    if (to) {
      event.preventDefault();
      this.focusCell({ row: Math.max(0, Math.min(to.row, last.row)), col: Math.max(0, Math.min(to.col, last.col)) });
      return;
    }
    const cell = this.rows()[from.row]?.cells[from.col - 1];
    if (!cell || event.ctrlKey) return;
    if (/^\d$/.test(event.key)) {
      event.preventDefault();
      this.pickDigit(cell, Number(event.key));
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && cell.changed) {
      event.preventDefault();
      this.undo(cell.key);
    }
  }

  private pickDigit(cell: CellView, level: number): void {
    const competency = this.lookup().competencies.get(cell.competencyId);
    if (!competency) return;
    if (competency.levels.some((option) => option.level === level)) {
      this.pick(cell.key, { outcome: 'rated', level });
    } else {
      this.status.set(
        `${competencyName(competency)} has no level ${level}: choose one of ${competency.levels.map((option) => option.code).join(', ')}.`,
      );
    }
  }

  private positionOf(target: EventTarget | null): Position | null {
    const element = target instanceof HTMLElement ? target.closest<HTMLElement>('[data-col]') : null;
    if (!element) return null;
    return { row: Number(element.dataset['row']), col: Number(element.dataset['col']) };
  }

  private focusCell(position: Position): void {
    this.activeCell.set(position);
    const target = this.host.nativeElement.querySelector<HTMLElement>(`[data-row="${position.row}"][data-col="${position.col}"]`);
    if (!target) return;
    target.focus({ preventScroll: true });
    this.reveal(target);
  }

  /**
   * Scrolls the grid region so that the cell is clear of the sticky header rows and first column (the
   * browser's own scrolling on focus would leave it under them), then the page so that it is on screen.
   */
  private reveal(target: HTMLElement): void {
    const region = target.closest<HTMLElement>('.grid-region');
    const cell = target.closest<HTMLElement>('td, th');
    if (!region || !cell) return;
    const area = region.getBoundingClientRect();
    const box = cell.getBoundingClientRect();
    const headerHeight = region.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const stickyWidth = cell.matches('td') ? (region.querySelector('tbody th')?.getBoundingClientRect().width ?? 0) : 0;
    const left = area.left + stickyWidth;
    const right = area.left + region.clientWidth;
    const top = area.top + headerHeight;
    const bottom = area.top + region.clientHeight;
    if (box.left < left) region.scrollLeft -= left - box.left;
    else if (box.right > right) region.scrollLeft += Math.min(box.right - right, box.left - left);
    if (box.top < top) region.scrollTop -= top - box.top;
    else if (box.bottom > bottom) region.scrollTop += Math.min(box.bottom - bottom, box.top - top);
    target.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }

  protected focusCellByKey(key: string): void {
    const cell = this.lookup().views.get(key);
    if (cell) this.focusCell({ row: cell.row, col: cell.col });
  }

  // The level picker

  protected openPicker(cell: CellView, event: Event): void {
    const origin = event.currentTarget as HTMLElement;
    this.activeCell.set({ row: cell.row, col: cell.col });
    this.picker.set({ key: cell.key, at: { row: cell.row, col: cell.col }, origin });
  }

  protected closePicker(): void {
    const open = this.picker();
    if (!open) return;
    this.picker.set(null);
    this.focusCell(open.at);
  }

  protected pickFromPicker(key: string, value: CellValue): void {
    this.pick(key, value);
    this.closePicker();
  }

  protected undoFromPicker(key: string): void {
    this.undo(key);
    this.closePicker();
  }

  private pick(key: string, value: CellValue): void {
    const view = this.lookup().views.get(key);
    const person = view && this.lookup().people.get(view.employeeId);
    const competency = view && this.lookup().competencies.get(view.competencyId);
    if (!view || !person || !competency) return;
    const earlier = this.changes().get(key);
    const change: CellChange = {
      employeeId: person.id,
      competencyId: competency.id,
      value,
      basedOn: earlier?.basedOn ?? this.lookup().cells.get(key)?.manager?.assessmentId ?? null,
      personName: person.name,
      competencyName: competencyName(competency),
    };
    this.changes.update((changes) => new Map(changes).set(key, change));
    this.forget(key, { errors: true });
    this.status.set(
      `${person.name}, ${change.competencyName}: ${describeValue(value, competency)}. ${plural(this.changes().size, 'change', 'changes')} not saved.`,
    );
  }

  private undo(key: string): void {
    const change = this.changes().get(key);
    if (!change) return;
    this.changes.update((changes) => {
      const next = new Map(changes);
      next.delete(key);
      return next;
    });
    this.forget(key, { errors: true, conflicts: true });
    if (this.changes().size === 0) this.saveProblem.set(null);
    this.status.set(`${change.personName}, ${change.competencyName}: change undone.`);
  }

  private forget(key: string, what: { errors?: boolean; conflicts?: boolean }): void {
    if (what.errors && this.cellErrors().has(key)) {
      this.cellErrors.update((errors) => {
        const next = new Map(errors);
        next.delete(key);
        return next;
      });
    }
    if (what.conflicts && this.conflicts().has(key)) {
      this.conflicts.update((conflicts) => new Set([...conflicts].filter((other) => other !== key)));
    }
  }

  // Saving

  protected save(): void {
    if (this.saving()) return;
    const sent = this.changes();
    if (sent.size === 0) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.changesPanel()?.focusRationale();
      this.status.set('Say why before saving: a rationale is required.');
      return;
    }
    const keys = [...sent.keys()];
    const records = batchRecords([...sent.values()], this.form.controls.rationale.value.trim());
    this.saveProblem.set(null);
    this.cellErrors.set(new Map());
    this.conflicts.set(new Set());
    this.store.recordBatch({ assessments: records }).subscribe({
      next: () => {
        // Keep only what changed while the request was in flight.
        this.changes.update((changes) => new Map([...changes].filter(([key, change]) => sent.get(key) !== change)));
        this.form.reset();
        this.status.set(`Saved ${plural(records.length, 'assessment', 'assessments')}.`);
      },
      error: (error: unknown) => this.showRefusal(problemFromError(error), keys),
    });
  }

  private showRefusal(problem: ApiProblem, sentKeys: readonly string[]): void {
    const sorted = sortBatchErrors(problem.errors ?? [], sentKeys);
    this.cellErrors.set(sorted.cells);
    this.conflicts.set(sorted.conflicts);
    if (sorted.rationale.length) {
      applyServerErrors(this.form, { ...problem, errors: sorted.rationale.map((message) => ({ field: 'rationale', message })) });
    }
    this.saveProblem.set({
      status: problem.status,
      title: problem.title,
      detail: problem.detail,
      ...(sorted.other.length ? { errors: sorted.other } : {}),
    });
    this.status.set(`Nothing was saved: ${problem.title}.`);
    // Show the levels saved since, beside the changes (which stay).
    if (sorted.conflicts.size) this.grid.reload();
  }

  /** After a 409: the changes now replace the newer levels the reloaded grid shows. */
  protected keepMine(): void {
    const cells = this.lookup().cells;
    this.changes.update(
      (changes) =>
        new Map(
          [...changes].map(([key, change]) =>
            this.isConflict(key) ? [key, { ...change, basedOn: cells.get(key)?.manager?.assessmentId ?? null }] : [key, change],
          ),
        ),
    );
    this.conflicts.set(new Set());
    this.status.set('Your changes will replace the newer levels when you save.');
  }

  /** After a 409: drops the changes to the cells someone else has saved since. */
  protected dropMine(): void {
    const dropped = this.conflictList().length;
    this.changes.update((changes) => new Map([...changes].filter(([key]) => !this.isConflict(key))));
    this.conflicts.set(new Set());
    if (this.changes().size === 0) this.saveProblem.set(null);
    this.status.set(`${plural(dropped, 'change', 'changes')} dropped.`);
  }

  private isConflict(key: string): boolean {
    return this.conflictList().some((entry) => entry.key === key);
  }

  protected discard(): void {
    const count = this.changes().size;
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: `Discard ${plural(count, 'change', 'changes')}?`,
          message: 'The levels you chose and have not saved go back to what is saved.',
          consequences: ['Nothing is sent to the server.', 'The rationale you typed is cleared.'],
          confirmLabel: 'Discard changes',
          destructive: true,
        },
        width: '30rem',
      })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.changes.set(new Map());
        this.cellErrors.set(new Map());
        this.conflicts.set(new Set());
        this.saveProblem.set(null);
        this.form.reset();
        this.status.set(`${plural(count, 'change', 'changes')} discarded.`);
      });
  }

  private options(seen: ReadonlyMap<string, string>, chosen: string, fallback: string): FilterOption[] {
    const options = [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
    return chosen && !seen.has(chosen) ? [{ value: chosen, label: fallback }, ...options] : options;
  }

  /** Merges `queryParams` into the URL's query (the filters, the scope). */
  protected navigate(queryParams: QueryParams): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}

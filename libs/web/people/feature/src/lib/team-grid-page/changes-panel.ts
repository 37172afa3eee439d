import { ChangeDetectionStrategy, Component, ElementRef, input, output, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ASSESSMENT_LIMITS } from '@proficio/shared/contracts';
import { LocalDatePipe, ProblemDetails, LocalNumberPipe } from '@proficio/web/shared/ui';
import { ApiProblem, serverError } from '@proficio/web/shared/util';

/** A cell the last refused save named, with who and what. */
export interface CellErrorEntry {
  readonly key: string;
  /** "Sara Bianchi · C.1 User Support". */
  readonly where: string;
  readonly messages: readonly string[];
  /** False when the filters hide the cell. */
  readonly visible: boolean;
}

/** A changed cell whose level someone else has saved since it was loaded. */
export interface ConflictEntry {
  readonly key: string;
  readonly where: string;
  /** The level saved since ("level 4"), once the grid has reloaded. */
  readonly now: string | null;
  readonly assessedOn: string | null;
  readonly yours: string;
  readonly visible: boolean;
}

export type RationaleForm = FormGroup<{ rationale: FormControl<string> }>;

/**
 * The team grid's unsaved changes: how many, the shared rationale, Save and Discard, and after a
 * refused save what was refused (per cell, with a way to each) or, after a 409, the cells someone else
 * saved since, to keep or drop.
 */
@Component({
  selector: 'app-team-grid-changes',
  imports: [LocalNumberPipe, LocalDatePipe, MatButtonModule, MatFormFieldModule, MatInputModule, ProblemDetails, ReactiveFormsModule],
  templateUrl: './changes-panel.html',
  styleUrl: './changes-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangesPanel {
  readonly changeCount = input.required<number>();
  /** Changes to cells the filters hide (saved too). */
  readonly hiddenChangeCount = input(0);
  /** The page's form: the rationale saved with every change of the batch. */
  readonly form = input.required<RationaleForm>();
  readonly saving = input(false);
  /** The grid is loading again: the changes cannot be rebased on it yet. */
  readonly reloading = input(false);
  /** Why the last save was refused (what no cell shows), or null. */
  readonly problem = input<ApiProblem | null>(null);
  readonly errors = input<readonly CellErrorEntry[]>([]);
  readonly conflicts = input<readonly ConflictEntry[]>([]);

  readonly save = output<void>();
  readonly discard = output<void>();
  /** A cell named in a message was chosen: its key. */
  readonly goToCell = output<string>();
  readonly keepMine = output<void>();
  readonly dropMine = output<void>();

  protected readonly rationaleLimit = ASSESSMENT_LIMITS.rationaleLength;
  private readonly rationaleField = viewChild<ElementRef<HTMLTextAreaElement>>('rationaleField');
  /** What the API said about the rationale (read on each check: typing clears it). */
  protected serverError(): string | null {
    return serverError(this.form().controls.rationale);
  }

  focusRationale(): void {
    this.rationaleField()?.nativeElement.focus();
  }
}

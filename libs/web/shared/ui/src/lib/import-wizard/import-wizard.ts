import { Directive, ElementRef, Injector, afterNextRender, contentChildren, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatStepper } from '@angular/material/stepper';

/** The import wizards' steps (people, frameworks), in order. */
export const IMPORT_STEPS = { upload: 0, preview: 1, confirm: 2, done: 3 } as const;
export type ImportStep = (typeof IMPORT_STEPS)[keyof typeof IMPORT_STEPS];

/**
 * Moves an import wizard's linear stepper, and focus with it: each step change (the wizard's or a step header's)
 * moves focus to the new step's heading (`#stepHeading`), so keyboard and screen-reader users land on it.
 *
 *   <mat-stepper linear appImportWizard #wizard="importWizard"> … <h2 #stepHeading tabindex="-1"> … </mat-stepper>
 */
@Directive({
  selector: 'mat-stepper[appImportWizard]',
  exportAs: 'importWizard',
})
export class ImportWizard {
  private readonly stepper = inject(MatStepper);
  private readonly injector = inject(Injector);
  private readonly headings = contentChildren<string, ElementRef<HTMLElement>>('stepHeading', { descendants: true, read: ElementRef });
  private stepToFocus: number | null = null;

  constructor() {
    this.stepper.selectionChange.pipe(takeUntilDestroyed()).subscribe(({ selectedIndex }) => this.focusStep(selectedIndex));
    this.stepper.animationDone.pipe(takeUntilDestroyed()).subscribe(() => this.focusStepHeading());
  }

  /** Selects `step`; after the next render the steps' `completed` inputs hold the new state, so a linear stepper lets it change. */
  goTo(step: ImportStep): void {
    afterNextRender(
      () => {
        if (this.stepper.selectedIndex !== step) this.stepper.selectedIndex = step;
      },
      { injector: this.injector },
    );
  }

  private focusStep(index: number): void {
    this.stepToFocus = index;
    afterNextRender(() => this.focusStepHeading(), { injector: this.injector });
  }

  /**
   * Focuses the heading of the step just selected, once it can take focus: at once when shown
   * side by side, after the expand animation when stacked (a hidden heading cannot take focus).
   */
  private focusStepHeading(): void {
    if (this.stepToFocus === null) return;
    const heading = this.headings()[this.stepToFocus]?.nativeElement;
    heading?.focus();
    if (!heading || heading.ownerDocument.activeElement === heading) this.stepToFocus = null;
  }
}

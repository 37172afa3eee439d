import { TestBed } from '@angular/core/testing';

/**
 * For specs of a component opened in a MatDialog, one at a time: the dialog's container, its
 * elements by `data-testid`, and a step that lets the dialog render what changed.
 */
export const openDialog = {
  element: (): HTMLElement => document.querySelector('mat-dialog-container') as HTMLElement,
  byTestId: (id: string): HTMLElement | null => openDialog.element().querySelector(`[data-testid="${id}"]`),
  /** Runs change detection, lets pending microtasks (a closing dialog, a signal's effect) run, and renders again. */
  settle: async (): Promise<void> => {
    TestBed.tick();
    await Promise.resolve();
    TestBed.tick();
  },
  /** Types `text` into a text field of the dialog (by test id), as the user would, and settles. */
  type: async (id: string, text: string): Promise<void> => {
    const field = openDialog.byTestId(id) as HTMLInputElement | HTMLTextAreaElement;
    field.value = text;
    field.dispatchEvent(new Event('input'));
    await openDialog.settle();
  },
  /** Clicks an element of the dialog (by test id) and settles. */
  click: async (id: string): Promise<void> => {
    openDialog.byTestId(id)?.click();
    await openDialog.settle();
  },
};

/** An element's text with its white space folded, as a reader sees it. */
export const textOf = (element: Element | null | undefined): string => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

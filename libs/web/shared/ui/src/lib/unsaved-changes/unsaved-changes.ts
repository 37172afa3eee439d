import { DestroyRef, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { CanDeactivateFn } from '@angular/router';
import { map } from 'rxjs';
import { ConfirmDialog, ConfirmDialogData } from '../confirm-dialog/confirm-dialog';

/** A page with a form that can hold work not saved yet. */
export interface HasUnsavedChanges {
  /** True while leaving would lose something the user typed or chose. */
  hasUnsavedChanges(): boolean;
}

export const LEAVE_WITH_UNSAVED_CHANGES: ConfirmDialogData = {
  title: 'Leave without saving?',
  message: 'Your changes on this page have not been saved. If you leave now, they are lost.',
  confirmLabel: 'Leave and lose the changes',
  destructive: true,
};

/**
 * `canDeactivate: [unsavedChangesGuard]` on a route whose page implements HasUnsavedChanges: leaving
 * in the app (a link, Back) with unsaved changes asks first; staying keeps everything as it was.
 */
export const unsavedChangesGuard: CanDeactivateFn<HasUnsavedChanges> = (page) => {
  if (!page?.hasUnsavedChanges()) return true;
  return inject(MatDialog)
    .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data: LEAVE_WITH_UNSAVED_CHANGES, width: '30rem' })
    .afterClosed()
    .pipe(map((leave) => leave === true));
};

/**
 * Asks the browser to warn before a reload, a closed tab or a typed address loses unsaved changes
 * (the browser shows its own words). Call it in an injection context; it stops when the page goes.
 */
export function warnBeforeUnload(hasUnsavedChanges: () => boolean): void {
  const listener = (event: BeforeUnloadEvent) => {
    if (!hasUnsavedChanges()) return;
    event.preventDefault();
    // Older browsers need a returnValue to show the prompt.
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', listener);
  inject(DestroyRef).onDestroy(() => window.removeEventListener('beforeunload', listener));
}

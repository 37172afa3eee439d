import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { ConfirmDialog, ConfirmDialogData } from './confirm-dialog';

const DATA: ConfirmDialogData = {
  title: 'Delete Sales?',
  message: 'The team is removed from the organisation.',
  consequences: ['It cannot be undone.'],
  confirmLabel: 'Delete team',
  destructive: true,
};

describe('ConfirmDialog', () => {
  const open = () => {
    const ref = TestBed.inject(MatDialog).open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data: DATA });
    TestBed.tick();
    return ref;
  };
  const button = (label: string) =>
    Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-container button')).find((b) => b.textContent?.trim() === label);

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('states what will happen and closes with true when confirmed', async () => {
    const ref = open();
    const container = document.querySelector('mat-dialog-container');
    expect(container?.textContent).toContain('Delete Sales?');
    expect(container?.textContent).toContain('It cannot be undone.');
    const closed = firstValueFrom(ref.afterClosed());
    button('Delete team')?.click();
    await expect(closed).resolves.toBe(true);
  });

  it('closes without confirming on Cancel', async () => {
    const ref = open();
    const closed = firstValueFrom(ref.afterClosed());
    button('Cancel')?.click();
    await expect(closed).resolves.toBeFalsy();
  });
});

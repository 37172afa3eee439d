import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { NamedRef } from '@proficio/shared/contracts';
import { saveFile } from '@proficio/web/auth/data-access';
import { PeopleApi } from '@proficio/web/people/data-access';

/**
 * The employee page's "Download data" action (for administrators): everything Proficio holds about the
 * person, as the JSON file the privacy export writes, fetched with the access token and handed to the
 * browser; says while it prepares it, when it is saved and when it failed.
 */
@Component({
  selector: 'app-employee-data-download',
  imports: [MatButtonModule, MatProgressBarModule],
  template: `
    <button
      mat-stroked-button
      type="button"
      [disabled]="busy()"
      disabledInteractive
      [attr.aria-busy]="busy()"
      (click)="download()"
      data-testid="download-employee-data"
    >
      {{ busy() ? 'Preparing the data…' : 'Download data' }}
    </button>
    <div class="download-status" role="status" aria-live="polite" data-testid="employee-data-status">
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Preparing the data of ' + employee().name" />
      } @else if (downloaded(); as filename) {
        <span
          >Downloaded <strong>{{ filename }}</strong>.</span
        >
      }
    </div>
    @if (error(); as message) {
      <p class="download-error" role="alert" data-testid="employee-data-error">{{ message }}</p>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.25rem;
    }
    .download-status mat-progress-bar {
      width: 8rem;
    }
    .download-error {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployeeDataDownload {
  private readonly api = inject(PeopleApi);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);

  /** The person whose data is downloaded. */
  readonly employee = input.required<NamedRef>();

  protected readonly busy = signal(false);
  /** The name of the file last downloaded. */
  protected readonly downloaded = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected download(): void {
    if (this.busy()) return;
    const employee = this.employee();
    this.busy.set(true);
    this.downloaded.set(null);
    this.error.set(null);
    this.api
      .downloadEmployeeData(employee.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ blob, filename }) => {
          saveFile(blob, filename, this.document);
          this.busy.set(false);
          this.downloaded.set(filename);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.error.set(
            error instanceof HttpErrorResponse && error.status === 0
              ? 'The Proficio API could not be reached. Check your connection, then try again.'
              : `The data of ${employee.name} could not be downloaded. Try again in a moment.`,
          );
        },
      });
  }
}

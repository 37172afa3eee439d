import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { NamedRef } from '@proficio/shared/contracts';
import { fileDownload } from '@proficio/web/auth/data-access';
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

  /** The person whose data is downloaded. */
  readonly employee = input.required<NamedRef>();

  private readonly file = fileDownload();
  protected readonly busy = computed(() => this.file.busy() !== null);
  protected readonly downloaded = this.file.downloaded;
  protected readonly error = this.file.error;

  protected download(): void {
    const employee = this.employee();
    this.file.start(true, this.api.downloadEmployeeData(employee.id), (error) =>
      error instanceof HttpErrorResponse && error.status === 0
        ? 'The Proficio API could not be reached. Check your connection, then try again.'
        : `The data of ${employee.name} could not be downloaded. Try again in a moment.`,
    );
  }
}

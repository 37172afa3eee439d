import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { AuthApi, readAuthProblem, saveFile } from '@proficio/web/auth/data-access';

/** `/account/data`: download everything Proficio holds about you, as a JSON file. */
@Component({
  selector: 'app-account-data-page',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink],
  templateUrl: './account-data-page.html',
  styleUrl: './account-data-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountDataPage {
  private readonly api = inject(AuthApi);
  private readonly document = inject(DOCUMENT);

  protected readonly busy = signal(false);
  /** The name of the file last downloaded. */
  protected readonly downloaded = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected downloadMyData(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.downloaded.set(null);
    this.error.set(null);
    this.api.downloadMyData().subscribe({
      next: ({ blob, filename }) => {
        saveFile(blob, filename, this.document);
        this.busy.set(false);
        this.downloaded.set(filename);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = readAuthProblem(error);
        this.error.set(
          problem.status === 0
            ? `${problem.title}. ${problem.detail ?? ''}`.trim()
            : 'Your data could not be downloaded. Try again in a moment.',
        );
      },
    });
  }
}

import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { AuthApi, fileDownload, readAuthProblem } from '@proficio/web/auth/data-access';

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

  private readonly file = fileDownload();
  protected readonly busy = computed(() => this.file.busy() !== null);
  protected readonly downloaded = this.file.downloaded;
  protected readonly error = this.file.error;

  protected downloadMyData(): void {
    this.file.start(true, this.api.downloadMyData(), (error) => {
      const problem = readAuthProblem(error);
      return problem.status === 0
        ? `${problem.title}. ${problem.detail ?? ''}`.trim()
        : 'Your data could not be downloaded. Try again in a moment.';
    });
  }
}

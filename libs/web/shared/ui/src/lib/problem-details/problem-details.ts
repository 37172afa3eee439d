import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ApiProblem } from '@proficio/web/shared/util';

/**
 * What the API said went wrong, in words: the title in bold with the detail, then each field the
 * problem names (`row 2.email must be an email address`). The caller puts it in its own alert box,
 * with whatever the page can offer next (try again, go back).
 */
@Component({
  selector: 'app-problem-details',
  template: `
    @let shown = problem();
    <p>
      <strong>{{ shown.title }}</strong>{{ shown.detail ? ': ' + shown.detail : '' }}
    </p>
    @if (shown.errors?.length) {
      <ul>
        @for (error of shown.errors; track $index) {
          <li>
            <code>{{ error.field }}</code> {{ error.message }}
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProblemDetails {
  readonly problem = input.required<ApiProblem>();
}

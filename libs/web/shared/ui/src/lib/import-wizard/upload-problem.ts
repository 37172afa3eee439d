import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ApiProblem } from '@proficio/web/shared/util';
import { ProblemDetails } from '../problem-details/problem-details';

/**
 * Why an import wizard's upload failed, on its upload step: a file too large (413, with the largest size taken), a
 * caller who may not import (403, `forbidden` says who may), else the API's problem with what is projected after it
 * (a "Try again" button). An alert, styled as the wizard's `.problem` panel.
 */
@Component({
  selector: 'app-upload-problem',
  imports: [ProblemDetails],
  template: `
    @let shown = problem();
    @switch (shown.status) {
      @case (413) {
        <p><strong>The file is too large.</strong> Proficio imports files of up to {{ maxSize() }}.</p>
      }
      @case (403) {
        <p>
          <strong>{{ forbidden() }}</strong>
        </p>
      }
      @default {
        <app-problem-details [problem]="shown" />
        <ng-content />
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    p {
      margin: 0;
    }
  `,
  host: { class: 'problem', role: 'alert' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadProblem {
  readonly problem = input.required<ApiProblem>();
  /** The largest file the import takes, in words ("25 MB"). */
  readonly maxSize = input.required<string>();
  /** What a 403 says: "Only administrators can import people." */
  readonly forbidden = input.required<string>();
}

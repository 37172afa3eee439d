import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReviewSignature } from '@proficio/shared/contracts';
import { LocalDatePipe } from '@proficio/web/shared/ui';

/** One signature of a review, as a line of its list: who signed in which role and when, and their comment. */
@Component({
  selector: 'app-review-signature-line',
  imports: [LocalDatePipe],
  template: `
    @let signed = signature();
    {{ signed.role === 'manager' ? 'Manager' : 'Employee' }}: {{ signed.by.name }},
    {{ signed.signedAt | localDate: 'dateTime' }}
    @if (signed.comment) {
      — “{{ signed.comment }}”
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewSignatureLine {
  readonly signature = input.required<ReviewSignature>();
}

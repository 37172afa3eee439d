import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@proficio/web/auth/data-access';
import { AssessmentsStore } from '@proficio/web/people/data-access';
import { BROWSER_LOCALE, LoadedContent } from '@proficio/web/shared/ui';
import { EMPTY, of } from 'rxjs';
import { pluralIn } from '../plural';
import { nextSteps } from './next-steps';

/**
 * Home card (employees): what they can do next — rate themselves on the competencies their role
 * needs (on their Competencies tab), see where they are below target — and their own data.
 */
@Component({
  selector: 'app-next-steps-card',
  imports: [LoadedContent, MatButtonModule, RouterLink],
  templateUrl: './next-steps-card.html',
  styleUrl: './next-steps-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NextStepsCard {
  protected readonly plural = pluralIn(inject(BROWSER_LOCALE));
  protected readonly employeeId = inject(SessionStore).me()?.employee?.id ?? null;
  protected readonly competencies = inject(AssessmentsStore).competencies(this.employeeId ? of(this.employeeId) : EMPTY);
  protected readonly steps = computed(() => {
    const competencies = this.competencies.value();
    return competencies ? nextSteps(competencies) : null;
  });
}

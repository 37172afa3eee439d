import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@proficio/web/auth/data-access';
import { PeopleStore } from '@proficio/web/people/data-access';
import { LoadedContent } from '@proficio/web/shared/ui';
import { EMPTY, of } from 'rxjs';

/** Home card (employees): the role profile they hold and the one they grow towards, with their team and manager. */
@Component({
  selector: 'app-my-role-card',
  imports: [LoadedContent, RouterLink],
  templateUrl: './my-role-card.html',
  styleUrl: './my-role-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyRoleCard {
  private readonly employeeId = inject(SessionStore).me()?.employee?.id;
  protected readonly employee = inject(PeopleStore).employee(this.employeeId ? of(this.employeeId) : EMPTY);
}

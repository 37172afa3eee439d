import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { FrameworksApi } from '@proficio/web/frameworks/data-access';
import { PeopleApi, PeopleStore } from '@proficio/web/people/data-access';
import { RoleProfilesApi, RoleProfilesStore } from '@proficio/web/role-profiles/data-access';
import { LoadedContent, LocalNumberPipe } from '@proficio/web/shared/ui';
import { loaded } from '@proficio/web/shared/util';
import { Observable, forkJoin, map, merge } from 'rxjs';
import { OrganisationCounts, countTeams } from './organisation-counts';

/**
 * Home card (administrators): how many people, teams, role profiles and frameworks the organisation
 * has, each a way into its page, with where to begin while one is still at none. The lists' totals
 * are read from one-item pages.
 */
@Component({
  selector: 'app-organisation-card',
  imports: [LoadedContent, LocalNumberPipe, RouterLink],
  templateUrl: './organisation-card.html',
  styleUrl: './organisation-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationCard {
  private readonly people = inject(PeopleApi);
  private readonly roleProfiles = inject(RoleProfilesApi);
  private readonly frameworks = inject(FrameworksApi);

  protected readonly counts = loaded(
    () =>
      forkJoin({
        people: this.people.listEmployees({ status: 'active', pageSize: 1 }).pipe(map((page) => page.total)),
        teams: this.people.getTeams().pipe(map(countTeams)),
        roleProfiles: this.roleProfiles.listRoleProfiles({ pageSize: 1 }).pipe(map((page) => page.total)),
        frameworks: this.frameworks.listFrameworks({ pageSize: 1 }).pipe(map((page) => page.total)),
      }) satisfies Observable<OrganisationCounts>,
    { reloadOn: merge(inject(PeopleStore).changes, inject(RoleProfilesStore).changes) },
  );
}

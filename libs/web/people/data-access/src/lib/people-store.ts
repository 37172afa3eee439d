import { Injectable, inject } from '@angular/core';
import {
  CreateEmployeeRequest,
  CreateTeamRequest,
  EmployeeDetail,
  EmployeeListQuery,
  EmployeeSummary,
  Page,
  TeamNode,
  TeamView,
  UpdateEmployeeRequest,
  UpdateTeamRequest,
} from '@proficio/shared/contracts';
import { Loaded, Writes, loaded } from '@proficio/web/shared/util';
import { Observable } from 'rxjs';
import { PeopleApi } from './people-api';

/**
 * People and teams as the pages show them: loads that reload after every saved write to people or
 * teams, and the writes themselves. Pages (and later dashboards) load through it so that a change
 * saved anywhere shows everywhere. Loads need an injection context (a field initialiser).
 */
@Injectable({ providedIn: 'root' })
export class PeopleStore {
  private readonly api = inject(PeopleApi);
  private readonly writes = new Writes();

  /** True while a write to people or teams is in flight. */
  readonly saving = this.writes.saving;
  /** Emits after each saved write to people or teams. */
  readonly changes = this.writes.changes;

  /** A page of the directory for each query. */
  directory(query$: Observable<EmployeeListQuery>): Loaded<Page<EmployeeSummary>> {
    return loaded(query$, (query) => this.api.listEmployees(query), { reloadOn: this.changes });
  }

  /** One person for each id. */
  employee(id$: Observable<string>): Loaded<EmployeeDetail> {
    return loaded(id$, (id) => this.api.getEmployee(id), { reloadOn: this.changes });
  }

  /** The team tree. */
  teams(): Loaded<TeamNode[]> {
    return loaded(() => this.api.getTeams(), { reloadOn: this.changes });
  }

  createEmployee(request: CreateEmployeeRequest): Observable<EmployeeDetail> {
    return this.writes.track(this.api.createEmployee(request));
  }

  updateEmployee(id: string, request: UpdateEmployeeRequest): Observable<EmployeeDetail> {
    return this.writes.track(this.api.updateEmployee(id, request));
  }

  anonymiseEmployee(id: string): Observable<unknown> {
    return this.writes.track(this.api.anonymiseEmployee(id));
  }

  createTeam(request: CreateTeamRequest): Observable<TeamView> {
    return this.writes.track(this.api.createTeam(request));
  }

  updateTeam(id: string, request: UpdateTeamRequest): Observable<TeamView> {
    return this.writes.track(this.api.updateTeam(id, request));
  }

  deleteTeam(id: string): Observable<void> {
    return this.writes.track(this.api.deleteTeam(id));
  }
}

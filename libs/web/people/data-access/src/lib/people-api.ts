import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  CreateEmployeeRequest,
  CreateTeamRequest,
  EmployeeDetail,
  EmployeeListQuery,
  EmployeeSummary,
  NamedRef,
  Page,
  TeamNode,
  TeamView,
  UpdateEmployeeRequest,
  UpdateTeamRequest,
} from '@proficio/shared/contracts';
import { DownloadedFile, filenameFromContentDisposition } from '@proficio/web/auth/data-access';
import { httpParams } from '@proficio/web/shared/util';
import { Observable, map } from 'rxjs';

/**
 * Reads people and teams from the API (same origin; the auth interceptor adds the token).
 * The API shows each caller only whom they may see; errors are RFC 9457 problem details
 * (403 for a person outside the caller's reach, 404 for an unknown one).
 */
@Injectable({ providedIn: 'root' })
export class PeopleApi {
  private readonly http = inject(HttpClient);

  /** One page (1-based) of the people the caller may see, filtered by search text, team, manager, role profile and status. */
  listEmployees(query: EmployeeListQuery = {}): Observable<Page<EmployeeSummary>> {
    // Sub-teams are in by default: only leaving them out of a team is sent.
    const params = httpParams({ ...query, includeSubTeams: query.teamId && query.includeSubTeams === false ? false : undefined });
    return this.http.get<Page<EmployeeSummary>>(ApiRoutes.employees, { params });
  }

  /** One person with manager, team, direct reports and how the caller relates to them. */
  getEmployee(id: string): Observable<EmployeeDetail> {
    return this.http.get<EmployeeDetail>(ApiRoutes.employee(id));
  }

  /** The direct reports of a person. */
  getDirectReports(id: string): Observable<NamedRef[]> {
    return this.http.get<NamedRef[]>(ApiRoutes.employeeReports(id));
  }

  /** The whole team tree with each team's number of active members. */
  getTeams(): Observable<TeamNode[]> {
    return this.http.get<TeamNode[]>(ApiRoutes.teams);
  }

  /** Adds a person (admin); 409 naming `email` when the address is taken, 422 for an unknown team or manager. */
  createEmployee(request: CreateEmployeeRequest): Observable<EmployeeDetail> {
    return this.http.post<EmployeeDetail>(ApiRoutes.employees, request);
  }

  /** Changes a person (admin): only the fields given; null clears one. 422 naming `managerId` for a reporting-line cycle. */
  updateEmployee(id: string, request: UpdateEmployeeRequest): Observable<EmployeeDetail> {
    return this.http.patch<EmployeeDetail>(ApiRoutes.employee(id), request);
  }

  /** Anonymises a person who has left (admin): their name and contact details are replaced for good. */
  anonymiseEmployee(id: string): Observable<unknown> {
    return this.http.post(ApiRoutes.employeeAnonymisation(id), {});
  }

  /** Adds a team (admin), top-level without `parentId`. */
  createTeam(request: CreateTeamRequest): Observable<TeamView> {
    return this.http.post<TeamView>(ApiRoutes.teams, request);
  }

  /** Renames and/or moves a team (admin); `parentId: null` makes it top-level. */
  updateTeam(id: string, request: UpdateTeamRequest): Observable<TeamView> {
    return this.http.patch<TeamView>(ApiRoutes.team(id), request);
  }

  /** Deletes a team without members or sub-teams (admin); 409 otherwise. */
  deleteTeam(id: string): Observable<void> {
    return this.http.delete<void>(ApiRoutes.team(id));
  }

  /** Everything Proficio holds about a person, as a JSON file (administrators, or the person themselves). */
  downloadEmployeeData(id: string): Observable<DownloadedFile> {
    return this.http.get(ApiRoutes.employeeExport(id), { responseType: 'blob', observe: 'response' }).pipe(
      map((response) => ({
        blob: response.body ?? new Blob([], { type: 'application/json' }),
        filename: filenameFromContentDisposition(response.headers.get('content-disposition')) ?? 'proficio-employee-data.json',
      })),
    );
  }
}

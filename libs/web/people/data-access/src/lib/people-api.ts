import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiRoutes, EmployeeDetail, EmployeeListQuery, EmployeeSummary, NamedRef, Page, TeamNode } from '@proficio/shared/contracts';
import { Observable } from 'rxjs';

/**
 * Reads people and teams from the API (same origin; the auth interceptor adds the token).
 * The API shows each caller only whom they may see; errors are RFC 9457 problem details
 * (403 for a person outside the caller's reach, 404 for an unknown one).
 */
@Injectable({ providedIn: 'root' })
export class PeopleApi {
  private readonly http = inject(HttpClient);

  /** One page (1-based) of the people the caller may see, filtered by search text, team, manager and status. */
  listEmployees(query: EmployeeListQuery = {}): Observable<Page<EmployeeSummary>> {
    let params = new HttpParams();
    if (query.q?.trim()) params = params.set('q', query.q.trim());
    if (query.teamId) params = params.set('teamId', query.teamId);
    if (query.managerId) params = params.set('managerId', query.managerId);
    if (query.status) params = params.set('status', query.status);
    if (query.page !== undefined) params = params.set('page', query.page);
    if (query.pageSize !== undefined) params = params.set('pageSize', query.pageSize);
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
}

import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  CompetencyDetail,
  CompetencySearchHit,
  CompetencySearchQuery,
  CopyRoleProfileRequest,
  CreateRoleProfileRequest,
  Page,
  RoleProfileDetail,
  RoleProfileDetailQuery,
  RoleProfileListQuery,
  RoleProfileSummary,
  SaveRoleProfileDraftRequest,
  UpdateRoleProfileRequest,
} from '@proficio/shared/contracts';
import { Observable } from 'rxjs';

/**
 * Reads and writes role profiles through the API (same origin; the auth interceptor adds the token).
 * Anyone signed in may read published profiles; every write is for admins (403 otherwise).
 * Errors are RFC 9457 problem details naming the invalid fields.
 */
@Injectable({ providedIn: 'root' })
export class RoleProfilesApi {
  private readonly http = inject(HttpClient);

  /** One page (1-based) of role profiles, searched by name. */
  listRoleProfiles(query: RoleProfileListQuery = {}): Observable<Page<RoleProfileSummary>> {
    let params = new HttpParams();
    if (query.q?.trim()) params = params.set('q', query.q.trim());
    if (query.includeArchived) params = params.set('includeArchived', 'true');
    if (query.page !== undefined) params = params.set('page', query.page);
    if (query.pageSize !== undefined) params = params.set('pageSize', query.pageSize);
    return this.http.get<Page<RoleProfileSummary>>(ApiRoutes.roleProfiles, { params });
  }

  /** One profile with its versions and one version in full (the draft for admins, else the published one, unless `version` says). */
  getRoleProfile(id: string, query: RoleProfileDetailQuery = {}): Observable<RoleProfileDetail> {
    let params = new HttpParams();
    if (query.version !== undefined) params = params.set('version', query.version);
    if (query.lang) params = params.set('lang', query.lang);
    return this.http.get<RoleProfileDetail>(ApiRoutes.roleProfile(id), { params });
  }

  createRoleProfile(request: CreateRoleProfileRequest): Observable<RoleProfileDetail> {
    return this.http.post<RoleProfileDetail>(ApiRoutes.roleProfiles, request);
  }

  /** Renames, archives or restores. */
  updateRoleProfile(id: string, request: UpdateRoleProfileRequest): Observable<RoleProfileDetail> {
    return this.http.patch<RoleProfileDetail>(ApiRoutes.roleProfile(id), request);
  }

  saveDraft(id: string, request: SaveRoleProfileDraftRequest): Observable<RoleProfileDetail> {
    return this.http.put<RoleProfileDetail>(ApiRoutes.roleProfileDraft(id), request);
  }

  discardDraft(id: string): Observable<void> {
    return this.http.delete<void>(ApiRoutes.roleProfileDraft(id));
  }

  publishDraft(id: string): Observable<RoleProfileDetail> {
    return this.http.post<RoleProfileDetail>(ApiRoutes.roleProfileDraftPublish(id), {});
  }

  /** Starts the next version as a draft copy of the published one. */
  startVersion(id: string): Observable<RoleProfileDetail> {
    return this.http.post<RoleProfileDetail>(ApiRoutes.roleProfileVersions(id), {});
  }

  copyRoleProfile(id: string, request: CopyRoleProfileRequest): Observable<RoleProfileDetail> {
    return this.http.post<RoleProfileDetail>(ApiRoutes.roleProfileCopies(id), request);
  }

  /** Competencies of every framework, found by code or text, for the requirement picker. */
  searchCompetencies(query: CompetencySearchQuery): Observable<Page<CompetencySearchHit>> {
    let params = new HttpParams();
    if (query.q?.trim()) params = params.set('q', query.q.trim());
    if (query.page !== undefined) params = params.set('page', query.page);
    if (query.pageSize !== undefined) params = params.set('pageSize', query.pageSize);
    return this.http.get<Page<CompetencySearchHit>>(ApiRoutes.competencies, { params });
  }

  /** One competency with its levels and their descriptions. */
  getCompetency(id: string): Observable<CompetencyDetail> {
    return this.http.get<CompetencyDetail>(ApiRoutes.competency(id));
  }
}

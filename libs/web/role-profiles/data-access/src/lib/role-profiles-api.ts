import { HttpClient } from '@angular/common/http';
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
import { httpParams } from '@proficio/web/shared/util';
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
    // Archived profiles are asked for, never refused: false is not sent.
    const params = httpParams({ ...query, includeArchived: query.includeArchived || undefined });
    return this.http.get<Page<RoleProfileSummary>>(ApiRoutes.roleProfiles, { params });
  }

  /** One profile with its versions and one version in full (the draft for admins, else the published one, unless `version` says). */
  getRoleProfile(id: string, query: RoleProfileDetailQuery = {}): Observable<RoleProfileDetail> {
    return this.http.get<RoleProfileDetail>(ApiRoutes.roleProfile(id), { params: httpParams(query) });
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
    return this.http.get<Page<CompetencySearchHit>>(ApiRoutes.competencies, { params: httpParams(query) });
  }

  /** One competency with its levels and their descriptions. */
  getCompetency(id: string): Observable<CompetencyDetail> {
    return this.http.get<CompetencyDetail>(ApiRoutes.competency(id));
  }
}

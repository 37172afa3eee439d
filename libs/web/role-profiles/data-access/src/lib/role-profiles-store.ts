import { Injectable, inject } from '@angular/core';
import {
  CopyRoleProfileRequest,
  CreateRoleProfileRequest,
  Page,
  RoleProfileDetail,
  RoleProfileListQuery,
  RoleProfileSummary,
  SaveRoleProfileDraftRequest,
  UpdateRoleProfileRequest,
} from '@proficio/shared/contracts';
import { Loaded, Writes, loaded } from '@proficio/web/shared/util';
import { Observable } from 'rxjs';
import { RoleProfilesApi } from './role-profiles-api';

/**
 * Role profiles as the pages show them: the list reloads after every saved write to a profile, and
 * the writes go through here so that whoever shows profiles (the list, later dashboards) can follow.
 * A write answers with the profile as saved, which the profile page shows at once.
 */
@Injectable({ providedIn: 'root' })
export class RoleProfilesStore {
  private readonly api = inject(RoleProfilesApi);
  private readonly writes = new Writes();

  /** True while a write to a role profile is in flight. */
  readonly saving = this.writes.saving;
  /** Emits after each saved write to a role profile. */
  readonly changes = this.writes.changes;

  /** A page of the list for each query; reloads after each saved write. Needs an injection context. */
  list(query$: Observable<RoleProfileListQuery>): Loaded<Page<RoleProfileSummary>> {
    return loaded(query$, (query) => this.api.listRoleProfiles(query), { reloadOn: this.changes });
  }

  create(request: CreateRoleProfileRequest): Observable<RoleProfileDetail> {
    return this.writes.track(this.api.createRoleProfile(request));
  }

  update(id: string, request: UpdateRoleProfileRequest): Observable<RoleProfileDetail> {
    return this.writes.track(this.api.updateRoleProfile(id, request));
  }

  copy(id: string, request: CopyRoleProfileRequest): Observable<RoleProfileDetail> {
    return this.writes.track(this.api.copyRoleProfile(id, request));
  }

  saveDraft(id: string, request: SaveRoleProfileDraftRequest): Observable<RoleProfileDetail> {
    return this.writes.track(this.api.saveDraft(id, request));
  }

  publishDraft(id: string): Observable<RoleProfileDetail> {
    return this.writes.track(this.api.publishDraft(id));
  }

  startVersion(id: string): Observable<RoleProfileDetail> {
    return this.writes.track(this.api.startVersion(id));
  }

  discardDraft(id: string): Observable<void> {
    return this.writes.track(this.api.discardDraft(id));
  }
}

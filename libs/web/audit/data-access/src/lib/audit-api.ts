import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiRoutes, AuditEventListQuery, AuditEventView, Page } from '@proficio/shared/contracts';
import { httpParams } from '@proficio/web/shared/util';
import { Observable } from 'rxjs';

/** Reads the audit log (admins; the API answers 403 to anyone else). */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  /** One page of audit events, newest first; filters left empty are not sent. */
  listEvents(query: AuditEventListQuery = {}): Observable<Page<AuditEventView>> {
    return this.http.get<Page<AuditEventView>>(ApiRoutes.auditEvents, { params: httpParams(query) });
  }
}

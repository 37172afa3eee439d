import { TestBed } from '@angular/core/testing';
import { ApiRoutes } from '@proficio/shared/contracts';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { firstValueFrom } from 'rxjs';
import { AuditApi } from './audit-api';

describe('AuditApi', () => {
  const { http } = httpTesting();
  const api = () => TestBed.inject(AuditApi);

  it('sends the filters that are set, trimmed, with the page', async () => {
    const body = { items: [], total: 0, page: 2, pageSize: 50 };
    const result = firstValueFrom(
      api().listEvents({ entityType: 'employee', actor: ' hana ', action: 'update', from: '2026-01-01', to: '', page: 2, pageSize: 50 }),
    );
    const req = http().expectOne((r) => r.url === ApiRoutes.auditEvents);
    expect(req.request.params.keys().sort()).toEqual(['action', 'actor', 'entityType', 'from', 'page', 'pageSize']);
    expect(req.request.params.get('actor')).toBe('hana');
    expect(req.request.params.get('page')).toBe('2');
    req.flush(body);
    await expect(result).resolves.toEqual(body);
  });
});

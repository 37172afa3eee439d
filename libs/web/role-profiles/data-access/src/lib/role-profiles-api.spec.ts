import { TestBed } from '@angular/core/testing';
import { ApiRoutes } from '@proficio/shared/contracts';
import { httpTesting, paramsOf } from '@proficio/web/shared/util/testing';
import { Observable, firstValueFrom } from 'rxjs';
import { RP_IDS, analystDetail, pageOf, summaryOf } from '../testing';
import { RoleProfilesApi } from './role-profiles-api';

describe('RoleProfilesApi', () => {
  const { http } = httpTesting();
  const api = () => TestBed.inject(RoleProfilesApi);

  it('lists role profiles with the search, archived flag and paging as query parameters', async () => {
    const body = pageOf([summaryOf('Service Desk Analyst')]);
    const result = firstValueFrom(api().listRoleProfiles({ q: ' desk ', includeArchived: true, page: 2, pageSize: 10 }));
    const req = http().expectOne((r) => r.url === ApiRoutes.roleProfiles);
    expect(req.request.method).toBe('GET');
    expect(paramsOf(req)).toEqual({ q: 'desk', includeArchived: 'true', page: '2', pageSize: '10' });
    req.flush(body);
    await expect(result).resolves.toEqual(body);
  });

  it('leaves out an empty search and a false archived flag', () => {
    api().listRoleProfiles({ q: ' ', includeArchived: false }).subscribe();
    const req = http().expectOne((r) => r.url === ApiRoutes.roleProfiles);
    expect(req.request.params.keys()).toEqual([]);
    req.flush(pageOf([]));
  });

  it('reads one profile, a given version of it', async () => {
    const result = firstValueFrom(api().getRoleProfile(RP_IDS.analyst, { version: 1 }));
    const req = http().expectOne((r) => r.url === ApiRoutes.roleProfile(RP_IDS.analyst));
    expect(req.request.params.get('version')).toBe('1');
    req.flush(analystDetail());
    await expect(result).resolves.toMatchObject({ name: 'Service Desk Analyst' });
  });

  it.each([
    ['creates', (a: RoleProfilesApi) => a.createRoleProfile({ name: 'X' }), 'POST', ApiRoutes.roleProfiles, { name: 'X' }],
    [
      'renames',
      (a: RoleProfilesApi) => a.updateRoleProfile(RP_IDS.analyst, { name: 'Y' }),
      'PATCH',
      ApiRoutes.roleProfile(RP_IDS.analyst),
      { name: 'Y' },
    ],
    [
      'saves the draft',
      (a: RoleProfilesApi) => a.saveDraft(RP_IDS.analyst, { requirements: [] }),
      'PUT',
      ApiRoutes.roleProfileDraft(RP_IDS.analyst),
      { requirements: [] },
    ],
    [
      'discards the draft',
      (a: RoleProfilesApi) => a.discardDraft(RP_IDS.analyst),
      'DELETE',
      ApiRoutes.roleProfileDraft(RP_IDS.analyst),
      null,
    ],
    ['publishes', (a: RoleProfilesApi) => a.publishDraft(RP_IDS.analyst), 'POST', ApiRoutes.roleProfileDraftPublish(RP_IDS.analyst), {}],
    ['starts a version', (a: RoleProfilesApi) => a.startVersion(RP_IDS.analyst), 'POST', ApiRoutes.roleProfileVersions(RP_IDS.analyst), {}],
    [
      'copies',
      (a: RoleProfilesApi) => a.copyRoleProfile(RP_IDS.analyst, { name: 'Z' }),
      'POST',
      ApiRoutes.roleProfileCopies(RP_IDS.analyst),
      { name: 'Z' },
    ],
  ] as const)('%s', (_name, call, method, url, body) => {
    (call(api()) as Observable<unknown>).subscribe();
    const req = http().expectOne(url);
    expect(req.request.method).toBe(method);
    expect(req.request.body).toEqual(body);
    req.flush(null);
  });

  it('searches competencies for the picker', () => {
    api().searchCompetencies({ q: 'user support', pageSize: 10 }).subscribe();
    const req = http().expectOne((r) => r.url === ApiRoutes.competencies);
    expect(req.request.params.get('q')).toBe('user support');
    expect(req.request.params.get('pageSize')).toBe('10');
    req.flush(pageOf([]));
  });
});

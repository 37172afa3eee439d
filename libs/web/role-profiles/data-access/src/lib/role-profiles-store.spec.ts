import { TestBed } from '@angular/core/testing';
import { ApiRoutes } from '@proficio/shared/contracts';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { of } from 'rxjs';
import { RP_IDS, analystDetail, pageOf, summaryOf } from '../testing';
import { RoleProfilesStore } from './role-profiles-store';

describe('RoleProfilesStore', () => {
  const { http } = httpTesting();
  const store = () => TestBed.inject(RoleProfilesStore);
  const expectList = () => http().expectOne((req) => req.url === ApiRoutes.roleProfiles && req.method === 'GET');

  it('answers a write with the saved profile, then reloads the list with the same query', () => {
    const list = TestBed.runInInjectionContext(() => store().list(of({ q: 'analyst', includeArchived: true })));
    expectList().flush(pageOf([summaryOf('Service Desk Analyst')]));

    let saved: string | undefined;
    store()
      .publishDraft(RP_IDS.analyst)
      .subscribe((profile) => (saved = profile.version.status));
    expect(store().saving()).toBe(true);
    http().expectOne(ApiRoutes.roleProfileDraftPublish(RP_IDS.analyst)).flush(analystDetail());
    expect(saved).toBe('published');
    expect(store().saving()).toBe(false);

    const reload = expectList();
    expect(reload.request.params.get('q')).toBe('analyst');
    expect(reload.request.params.get('includeArchived')).toBe('true');
    reload.flush(pageOf([]));
    expect(list.value()?.items).toEqual([]);
  });

  it('announces each saved write on changes, not a refused one', () => {
    const changes: unknown[] = [];
    store().changes.subscribe((change) => changes.push(change));
    store()
      .update(RP_IDS.analyst, { name: 'Taken' })
      .subscribe({ error: () => undefined });
    http().expectOne(ApiRoutes.roleProfile(RP_IDS.analyst)).flush({ title: 'Conflict' }, { status: 409, statusText: 'Conflict' });
    store().discardDraft(RP_IDS.analyst).subscribe();
    http().expectOne(ApiRoutes.roleProfileDraft(RP_IDS.analyst)).flush(null);
    expect(changes).toHaveLength(1);
  });
});

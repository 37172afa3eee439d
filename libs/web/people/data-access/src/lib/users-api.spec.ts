import { TestBed } from '@angular/core/testing';
import { ApiRoutes, UserAccount } from '@proficio/shared/contracts';
import { httpTesting } from '@proficio/web/shared/util/testing';
import { firstValueFrom } from 'rxjs';
import { DEMO_IDS, pageOf } from '../testing';
import { UsersApi } from './users-api';

const ACCOUNT: UserAccount = {
  id: 'u-1',
  email: 'aisha.khan@demo.proficio.local',
  status: 'active',
  isAdmin: false,
  passwordMustChange: true,
  employee: { id: DEMO_IDS.aisha, name: 'Aisha Khan' },
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('UsersApi', () => {
  const { http } = httpTesting();
  const api = () => TestBed.inject(UsersApi);

  it('lists accounts with the search text and filters as query parameters', async () => {
    const result = firstValueFrom(api().listAccounts({ q: ' aisha ', status: 'disabled', admin: false, page: 2, pageSize: 5 }));
    const req = http().expectOne((r) => r.url === ApiRoutes.users);
    expect(req.request.method).toBe('GET');
    expect(req.request.params.keys().sort()).toEqual(['admin', 'page', 'pageSize', 'q', 'status']);
    expect([req.request.params.get('q'), req.request.params.get('status'), req.request.params.get('admin')]).toEqual([
      'aisha',
      'disabled',
      'false',
    ]);
    req.flush(pageOf([ACCOUNT]));
    expect((await result).items).toEqual([ACCOUNT]);
  });

  it('finds the account of a person, or null when they have none', async () => {
    const found = firstValueFrom(api().accountOf(DEMO_IDS.aisha));
    const req = http().expectOne((r) => r.url === ApiRoutes.users);
    expect(req.request.params.get('employeeId')).toBe(DEMO_IDS.aisha);
    req.flush(pageOf([ACCOUNT]));
    await expect(found).resolves.toEqual(ACCOUNT);

    const none = firstValueFrom(api().accountOf(DEMO_IDS.tom));
    http()
      .expectOne((r) => r.url === ApiRoutes.users)
      .flush(pageOf([]));
    await expect(none).resolves.toBeNull();
  });

  it('creates, changes and resets accounts', async () => {
    const created = firstValueFrom(api().createAccount(DEMO_IDS.aisha, true));
    const create = http().expectOne(ApiRoutes.users);
    expect([create.request.method, create.request.body]).toEqual(['POST', { employeeId: DEMO_IDS.aisha, isAdmin: true }]);
    create.flush({ account: ACCOUNT, temporaryPassword: 'abcd-efgh-jkmn-pqrs' });
    await expect(created).resolves.toEqual({ account: ACCOUNT, temporaryPassword: 'abcd-efgh-jkmn-pqrs' });

    const updated = firstValueFrom(api().updateAccount('u-1', { disabled: true }));
    const update = http().expectOne(ApiRoutes.user('u-1'));
    expect([update.request.method, update.request.body]).toEqual(['PATCH', { disabled: true }]);
    update.flush({ ...ACCOUNT, status: 'disabled' });
    expect((await updated).status).toBe('disabled');

    const reset = firstValueFrom(api().resetPassword('u-1'));
    const post = http().expectOne(ApiRoutes.userPasswordReset('u-1'));
    expect(post.request.method).toBe('POST');
    post.flush({ account: ACCOUNT, temporaryPassword: 'zzzz-yyyy-xxxx-wwww' });
    expect((await reset).temporaryPassword).toBe('zzzz-yyyy-xxxx-wwww');
  });
});

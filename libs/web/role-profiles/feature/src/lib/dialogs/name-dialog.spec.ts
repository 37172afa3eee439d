import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { ApiRoutes, RoleProfileDetail } from '@proficio/shared/contracts';
import { httpTesting, openDialog, textOf } from '@proficio/web/shared/util/testing';
import { firstValueFrom } from 'rxjs';
import { NameDialog, NameDialogData } from './name-dialog';

describe('NameDialog', () => {
  const { http } = httpTesting({ providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }] });
  let closed: Promise<RoleProfileDetail | undefined>;
  const { element: dialog, settle } = openDialog;

  async function createNamed(name: string): Promise<void> {
    const ref = TestBed.inject(MatDialog).open<NameDialog, NameDialogData, RoleProfileDetail>(NameDialog, { data: { mode: 'create' } });
    closed = firstValueFrom(ref.afterClosed());
    await settle();
    const input = dialog().querySelector('input') as HTMLInputElement;
    input.value = name;
    input.dispatchEvent(new Event('input'));
    await settle();
    (dialog().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle();
  }

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('creates the profile with the name trimmed, busy until the API answers, and closes with it', async () => {
    await createNamed('  Service desk analyst  ');
    const create = http().expectOne(ApiRoutes.roleProfiles);
    expect(create.request.body).toEqual({ name: 'Service desk analyst' });
    expect((dialog().querySelector('button[type="submit"]') as HTMLButtonElement).disabled).toBe(true);

    const saved = { id: 'rp-1', name: 'Service desk analyst' } as RoleProfileDetail;
    create.flush(saved);
    await expect(closed).resolves.toEqual(saved);
  });

  it('shows a name already taken on the field, and nothing above it', async () => {
    await createNamed('Analyst');
    http()
      .expectOne(ApiRoutes.roleProfiles)
      .flush(
        { title: 'Conflict', status: 409, errors: [{ field: 'name', message: 'is already used by another role profile' }] },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();

    expect(textOf(dialog().querySelector('mat-error'))).toBe('Name is already used by another role profile');
    expect(dialog().querySelector('[data-testid="name-dialog-problem"]')).toBeNull();
    expect((dialog().querySelector('button[type="submit"]') as HTMLButtonElement).disabled).toBe(false);
  });

  it('says above the fields what no field shows, staying open', async () => {
    await createNamed('Analyst');
    http()
      .expectOne(ApiRoutes.roleProfiles)
      .flush(
        { title: 'Forbidden', status: 403, detail: 'Only administrators can create role profiles.' },
        { status: 403, statusText: 'Forbidden' },
      );
    await settle();

    const problem = dialog().querySelector('[data-testid="name-dialog-problem"]');
    expect(problem?.getAttribute('role')).toBe('alert');
    expect(textOf(problem)).toBe('Forbidden: Only administrators can create role profiles.');
    await expect(Promise.race([closed, Promise.resolve('open')])).resolves.toBe('open');
  });
});

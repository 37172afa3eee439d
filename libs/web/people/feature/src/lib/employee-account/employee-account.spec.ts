import { Clipboard } from '@angular/cdk/clipboard';
import { TestRequest } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { ApiRoutes, EmployeeDetail, Role, UserAccount } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { DEMO_IDS, employeeDetail, pageOf } from '@proficio/web/people/data-access/testing';
import { AXE_TIMEOUT_MS, httpTesting, seriousA11yViolations, textOf } from '@proficio/web/shared/util/testing';
import { signInAs } from '@proficio/web/auth/data-access/testing';
import { EmployeeAccount, accountFacts } from './employee-account';

@Component({
  imports: [EmployeeAccount],
  template: `<app-employee-account [employee]="employee()" />`,
})
class Host {
  readonly employee = signal<EmployeeDetail>(employeeDetail('aisha', 'admin'));
}

const HANA: { id: string; name: string } = { id: DEMO_IDS.hana, name: 'Hana Ito' };
const ACCOUNT: UserAccount = {
  id: 'u-aisha',
  email: 'aisha.khan@demo.proficio.local',
  status: 'active',
  isAdmin: false,
  passwordMustChange: false,
  employee: { id: DEMO_IDS.aisha, name: 'Aisha Khan' },
  createdAt: '2026-01-01T00:00:00.000Z',
};
const TEMPORARY = 'Hq7m-x3Tz-9kPa-bW4e';

describe('accountFacts', () => {
  it.each<[UserAccount | null, string[]]>([
    [null, ['No sign-in account: cannot sign in']],
    [ACCOUNT, ['Active: can sign in']],
    [{ ...ACCOUNT, status: 'disabled', isAdmin: true }, ['Disabled: cannot sign in', 'Administrator: can see and change everything']],
    [{ ...ACCOUNT, passwordMustChange: true }, ['Active: can sign in', 'Must choose a new password at the next sign-in']],
  ])('describes %p', (account, facts) => {
    expect(accountFacts(account)).toEqual(facts);
  });
});

describe('EmployeeAccount', () => {
  let fixture: ComponentFixture<Host>;
  const { http } = httpTesting({
    providers: [provideRouter([]), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
  });

  const byTestId = (id: string): HTMLElement | null => (fixture.nativeElement as HTMLElement).querySelector(`[data-testid="${id}"]`);
  const settle = () => fixture.whenStable();
  const dialog = (): HTMLElement | null => document.querySelector('mat-dialog-container');
  const dialogButton = (label: string): HTMLElement | undefined =>
    Array.from(dialog()?.querySelectorAll<HTMLElement>('button') ?? []).find((button) => textOf(button) === label);
  const expectAccountLookup = (): TestRequest => http().expectOne((req) => req.url === ApiRoutes.users && req.method === 'GET');
  const facts = () => Array.from(byTestId('account-facts')?.querySelectorAll('li') ?? []).map(textOf);

  /** Clicks the section's button `testId` and lets it settle. */
  async function press(testId: string): Promise<void> {
    byTestId(testId)?.click();
    await settle();
  }

  /** Clicks the open dialog's button named `label` and lets it settle. */
  async function pressInDialog(label: string): Promise<void> {
    dialogButton(label)?.click();
    await settle();
  }

  /** Clicks the section's button `testId`, then confirms its dialog with the button named `label`. */
  async function confirmAction(testId: string, label: string): Promise<void> {
    await press(testId);
    await pressInDialog(label);
  }

  async function render(roles: Role[], me = HANA, employee?: EmployeeDetail): Promise<void> {
    await signInAs(http(), roles, me);
    fixture = TestBed.createComponent(Host);
    if (employee) fixture.componentInstance.employee.set(employee);
    await settle();
  }

  /** Renders as an admin and answers the account lookup with `account`. */
  async function renderWith(account: UserAccount | null, employee?: EmployeeDetail): Promise<void> {
    await render(['admin', 'employee'], HANA, employee);
    const lookup = expectAccountLookup();
    expect(lookup.request.params.get('employeeId')).toBe(employee?.id ?? DEMO_IDS.aisha);
    lookup.flush(pageOf(account ? [account] : []));
    await settle();
  }

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    TestBed.inject(SessionStore).clear();
  });

  it('shows nothing and asks for nothing when the signed-in person is not an admin', async () => {
    await render(['manager', 'employee'], { id: DEMO_IDS.marco, name: 'Marco Rossi' });
    expect(byTestId('employee-account')).toBeNull();
    http().expectNone((req) => req.url === ApiRoutes.users);
  });

  it('creates an administrator account and shows the temporary password once, with a copy button', async () => {
    await renderWith(null);
    expect(facts()).toEqual(['No sign-in account: cannot sign in']);
    const copy = jest.spyOn(TestBed.inject(Clipboard), 'copy').mockReturnValue(true);

    byTestId('create-account-admin')?.querySelector('input')?.click();
    await press('create-account');
    const create = http().expectOne((req) => req.url === ApiRoutes.users && req.method === 'POST');
    expect(create.request.body).toEqual({ employeeId: DEMO_IDS.aisha, isAdmin: true });
    create.flush({ account: { ...ACCOUNT, isAdmin: true, passwordMustChange: true }, temporaryPassword: TEMPORARY });
    await settle();

    expect(textOf(dialog()?.querySelector('h2'))).toBe('Temporary password for Aisha Khan');
    expect(textOf(dialog()?.querySelector('[data-testid="temporary-password"]'))).toBe(TEMPORARY);
    expect(textOf(dialog())).toContain('aisha.khan@demo.proficio.local');
    expect(textOf(dialog()?.querySelector('[data-testid="temporary-password-warning"]'))).toContain('It will not be shown again.');
    await pressInDialog('Copy password');
    expect(copy).toHaveBeenCalledWith(TEMPORARY);
    expect(textOf(dialog()?.querySelector('[role="status"]'))).toBe('Copied to the clipboard.');

    // the account is read again and shows what the person must do
    expectAccountLookup().flush(pageOf([{ ...ACCOUNT, isAdmin: true, passwordMustChange: true }]));
    await settle();
    expect(facts()).toEqual([
      'Active: can sign in',
      'Administrator: can see and change everything',
      'Must choose a new password at the next sign-in',
    ]);
    await pressInDialog('Done');
    expect(dialog()).toBeNull();
  });

  it('says when the copy did not work', async () => {
    await renderWith(null);
    jest.spyOn(TestBed.inject(Clipboard), 'copy').mockReturnValue(false);
    await press('create-account');
    http()
      .expectOne((req) => req.method === 'POST')
      .flush({ account: ACCOUNT, temporaryPassword: TEMPORARY });
    await settle();
    await pressInDialog('Copy password');
    expect(textOf(dialog()?.querySelector('[role="status"]'))).toBe('Could not copy: select the password and copy it yourself.');
    expectAccountLookup().flush(pageOf([ACCOUNT]));
  });

  it('offers no account to someone who has left', async () => {
    await renderWith(null, employeeDetail('aisha', 'admin', { status: 'left' }));
    expect(byTestId('create-account')).toBeNull();
    expect(textOf(byTestId('employee-account'))).toContain('People who have left cannot get a sign-in account.');
  });

  it('resets a password only after a confirmation, then shows the new temporary password', async () => {
    await renderWith(ACCOUNT);
    expect(textOf(byTestId('employee-account'))).toContain('Signs in with aisha.khan@demo.proficio.local');

    await press('reset-password');
    expect(textOf(dialog()?.querySelector('h2'))).toBe("Reset Aisha Khan's password?");
    expect(textOf(dialog())).toContain('signed out everywhere');
    http().expectNone(ApiRoutes.userPasswordReset(ACCOUNT.id));
    await pressInDialog('Reset password');

    const reset = http().expectOne(ApiRoutes.userPasswordReset(ACCOUNT.id));
    expect(reset.request.method).toBe('POST');
    reset.flush({ account: { ...ACCOUNT, passwordMustChange: true }, temporaryPassword: TEMPORARY });
    await settle();
    expect(textOf(dialog()?.querySelector('[data-testid="temporary-password"]'))).toBe(TEMPORARY);
    expect(textOf(dialog())).toContain('every session of the account has ended');
    expectAccountLookup().flush(pageOf([{ ...ACCOUNT, passwordMustChange: true }]));
  });

  it('disables only after a confirmation, and enables without one', async () => {
    await renderWith(ACCOUNT);
    await press('disable-account');
    dialogButton('Cancel')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
    http().expectNone((req) => req.method === 'PATCH');

    await confirmAction('disable-account', 'Disable account');
    const disable = http().expectOne(ApiRoutes.user(ACCOUNT.id));
    expect([disable.request.method, disable.request.body]).toEqual(['PATCH', { disabled: true }]);
    disable.flush({ ...ACCOUNT, status: 'disabled' });
    await settle();
    expectAccountLookup().flush(pageOf([{ ...ACCOUNT, status: 'disabled' }]));
    await settle();
    expect(facts()).toEqual(['Disabled: cannot sign in']);

    await press('enable-account');
    expect(dialog()).toBeNull();
    expect(http().expectOne(ApiRoutes.user(ACCOUNT.id)).request.body).toEqual({ disabled: false });
  });

  it('grants and removes administration after a confirmation', async () => {
    await renderWith(ACCOUNT);
    await confirmAction('make-admin', 'Make administrator');
    http()
      .expectOne(ApiRoutes.user(ACCOUNT.id))
      .flush({ ...ACCOUNT, isAdmin: true });
    await settle();
    expectAccountLookup().flush(pageOf([{ ...ACCOUNT, isAdmin: true }]));
    await settle();

    await confirmAction('remove-admin', 'Remove administration');
    expect(http().expectOne(ApiRoutes.user(ACCOUNT.id)).request.body).toEqual({ isAdmin: false });
  });

  it('shows why an action was refused', async () => {
    await renderWith(ACCOUNT);
    await confirmAction('make-admin', 'Make administrator');
    http()
      .expectOne(ApiRoutes.user(ACCOUNT.id))
      .flush(
        {
          title: 'Conflict',
          status: 409,
          errors: [{ field: 'isAdmin', message: 'cannot be removed from the last enabled administrator' }],
        },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(textOf(byTestId('account-action-error'))).toBe(
      'The administration could not be changed: isAdmin cannot be removed from the last enabled administrator',
    );
    expectAccountLookup().flush(pageOf([ACCOUNT]));
  });

  it('does not offer an admin to disable their own account or remove their own administration', async () => {
    await render(['admin', 'employee'], HANA);
    expectAccountLookup().flush(pageOf([{ ...ACCOUNT, id: 'u-1', isAdmin: true }]));
    await settle();
    expect(byTestId('disable-account')).toBeNull();
    expect(byTestId('remove-admin')).toBeNull();
    expect(byTestId('reset-password')).not.toBeNull();
    expect(textOf(byTestId('employee-account'))).toContain('This is your own account');
  });

  it('offers to try again when the account cannot be loaded', async () => {
    await render(['admin'], HANA);
    expectAccountLookup().flush({ title: 'Server error', status: 500 }, { status: 500, statusText: 'Server Error' });
    await settle();
    expect(byTestId('account-load-error')).not.toBeNull();
    (byTestId('account-load-error')?.querySelector('button') as HTMLElement).click();
    await settle();
    expectAccountLookup().flush(pageOf([ACCOUNT]));
    await settle();
    expect(facts()).toEqual(['Active: can sign in']);
  });

  it(
    'has no serious accessibility violations, in the section and in the password dialog',
    async () => {
      await renderWith(ACCOUNT);
      expect(await seriousA11yViolations(fixture.nativeElement as HTMLElement)).toEqual([]);
      await confirmAction('reset-password', 'Reset password');
      http().expectOne(ApiRoutes.userPasswordReset(ACCOUNT.id)).flush({ account: ACCOUNT, temporaryPassword: TEMPORARY });
      await settle();
      expect(await seriousA11yViolations(dialog() as HTMLElement)).toEqual([]);
      expectAccountLookup().flush(pageOf([ACCOUNT]));
    },
    AXE_TIMEOUT_MS,
  );
});

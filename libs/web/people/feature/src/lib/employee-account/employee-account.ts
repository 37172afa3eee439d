import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { EmployeeDetail, IssuedTemporaryPassword, UserAccount } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { UsersApi } from '@proficio/web/people/data-access';
import { ConfirmDialog, ConfirmDialogData } from '@proficio/web/shared/ui';
import { loaded, problemFromError } from '@proficio/web/shared/util';
import { EMPTY, Observable, distinctUntilChanged, filter, map, of, switchMap } from 'rxjs';
import { TemporaryPasswordDialog, TemporaryPasswordDialogData } from './temporary-password-dialog';

/** What an administrator reads about an account, one fact a line. */
export function accountFacts(account: UserAccount | null): string[] {
  if (!account) return ['No sign-in account: cannot sign in'];
  return [
    account.status === 'active' ? 'Active: can sign in' : 'Disabled: cannot sign in',
    ...(account.isAdmin ? ['Administrator: can see and change everything'] : []),
    ...(account.passwordMustChange ? ['Must choose a new password at the next sign-in'] : []),
  ];
}

/** A button that changes the account: what it says, its test id, whether it takes something away, and what it does. */
interface AccountAction {
  readonly label: string;
  readonly testId: string;
  readonly danger: boolean;
  readonly run: () => void;
}

/**
 * The "Sign-in account" section of an employee's page, for administrators only (nothing is shown or
 * requested for anyone else): whether the person can sign in, and creating the account, resetting its
 * password, disabling or enabling it and granting or removing administration. A temporary password
 * is shown once, in a dialog.
 */
@Component({
  selector: 'app-employee-account',
  imports: [MatButtonModule, MatCheckboxModule, MatProgressSpinnerModule],
  templateUrl: './employee-account.html',
  styleUrl: './employee-account.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployeeAccount {
  readonly employee = input.required<EmployeeDetail>();

  private readonly api = inject(UsersApi);
  private readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);

  protected readonly isAdmin = computed(() => this.session.hasRole('admin'));

  /** Only admins see accounts: for anyone else nothing is requested and the state stays loading. */
  private readonly loadedAccount = loaded(
    toObservable(this.employee).pipe(
      map((employee) => employee.id),
      distinctUntilChanged(),
      filter(() => this.isAdmin()),
    ),
    (id) => this.api.accountOf(id),
  );
  protected readonly state = this.loadedAccount.state;
  protected readonly account = this.loadedAccount.value;
  protected readonly facts = computed(() => accountFacts(this.account()));
  /** The signed-in administrator's own account: they may not disable it or remove their own administration. */
  protected readonly isOwnAccount = computed(() => !!this.account() && this.account()?.id === this.session.me()?.id);
  /**
   * What may be done to the account: reset its password; enable it, or disable it; make its person an administrator,
   * or remove that. Nobody disables their own account or removes their own administration.
   */
  protected readonly actions = computed<readonly AccountAction[]>(() => {
    const account = this.account();
    if (!account) return [];
    const own = this.isOwnAccount();
    const actions: AccountAction[] = [
      { label: 'Reset password…', testId: 'reset-password', danger: false, run: () => this.resetPassword(account) },
    ];
    if (account.status === 'disabled') {
      actions.push({ label: 'Enable', testId: 'enable-account', danger: false, run: () => this.setDisabled(account, false) });
    } else if (!own) {
      actions.push({ label: 'Disable…', testId: 'disable-account', danger: true, run: () => this.setDisabled(account, true) });
    }
    if (!account.isAdmin) {
      actions.push({ label: 'Make admin…', testId: 'make-admin', danger: false, run: () => this.setAdmin(account, true) });
    } else if (!own) {
      actions.push({ label: 'Remove admin…', testId: 'remove-admin', danger: true, run: () => this.setAdmin(account, false) });
    }
    return actions;
  });
  /** People who have left (or were anonymised) get no new account. */
  protected readonly canCreate = computed(() => this.employee().status === 'active' && !this.employee().anonymisedAt);

  protected readonly makeAdmin = signal(false);
  protected readonly busy = signal(false);
  /** What the last action did (read out by screen readers), or why it failed. */
  protected readonly status = signal('');
  protected readonly actionError = signal<string | null>(null);

  protected reload(): void {
    this.loadedAccount.reload();
  }

  protected createAccount(): void {
    const employee = this.employee();
    this.run(
      null,
      () => this.api.createAccount(employee.id, this.makeAdmin()),
      'The account could not be created',
      (issued) => {
        this.makeAdmin.set(false);
        this.showTemporaryPassword(issued, 'created');
        this.status.set(`A sign-in account has been created for ${employee.name}.`);
      },
    );
  }

  private resetPassword(account: UserAccount): void {
    const name = this.employee().name;
    const confirm: ConfirmDialogData = {
      title: `Reset ${name}'s password?`,
      message: `${name} gets a new temporary password, which you pass on.`,
      consequences: [
        'Their current password stops working at once.',
        'Every session they have open ends: they are signed out everywhere.',
        'They must choose a new password when they next sign in.',
      ],
      confirmLabel: 'Reset password',
      destructive: true,
    };
    this.run(
      confirm,
      () => this.api.resetPassword(account.id),
      'The password could not be reset',
      (issued) => {
        this.showTemporaryPassword(issued, 'reset');
        this.status.set(`${name}'s password has been reset.`);
      },
    );
  }

  private setDisabled(account: UserAccount, disabled: boolean): void {
    const name = this.employee().name;
    const confirm: ConfirmDialogData | null = disabled
      ? {
          title: `Disable ${name}'s account?`,
          message: `${name} will not be able to sign in until an administrator enables the account again.`,
          consequences: ['Every session they have open ends at once.', 'Their employee record and history stay as they are.'],
          confirmLabel: 'Disable account',
          destructive: true,
        }
      : null;
    this.run(
      confirm,
      () => this.api.updateAccount(account.id, { disabled }),
      `The account could not be ${disabled ? 'disabled' : 'enabled'}`,
      () => this.status.set(`${name}'s account has been ${disabled ? 'disabled' : 'enabled'}.`),
    );
  }

  private setAdmin(account: UserAccount, isAdmin: boolean): void {
    const name = this.employee().name;
    const confirm: ConfirmDialogData = isAdmin
      ? {
          title: `Make ${name} an administrator?`,
          message: `Administrators (HR) can see and change everything in Proficio, including everyone's accounts.`,
          confirmLabel: 'Make administrator',
        }
      : {
          title: `Remove ${name}'s administration?`,
          message: `${name} keeps their account but can no longer see and change everything.`,
          consequences: ['They keep what follows from their employee record: their own data, and their reports if they manage people.'],
          confirmLabel: 'Remove administration',
          destructive: true,
        };
    this.run(
      confirm,
      () => this.api.updateAccount(account.id, { isAdmin }),
      'The administration could not be changed',
      () => this.status.set(isAdmin ? `${name} is now an administrator.` : `${name} is no longer an administrator.`),
    );
  }

  /** Asks first when `confirm` is given, then sends the request, reloads the account and reports the outcome. */
  private run<T>(confirm: ConfirmDialogData | null, request: () => Observable<T>, failure: string, done: (value: T) => void): void {
    if (this.busy()) return;
    this.actionError.set(null);
    this.status.set('');
    const confirmed: Observable<boolean | undefined> = confirm
      ? this.dialog
          .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data: confirm, autoFocus: 'first-tabbable' })
          .afterClosed()
      : of(true);
    confirmed
      .pipe(
        switchMap((yes) => {
          if (yes !== true) return EMPTY;
          this.busy.set(true);
          return request();
        }),
      )
      .subscribe({
        next: (value) => {
          this.busy.set(false);
          done(value);
          this.reload();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const problem = problemFromError(error);
          const reason = problem.errors?.map((item) => `${item.field} ${item.message}`).join('; ') || problem.detail || problem.title;
          this.actionError.set(`${failure}: ${reason}`);
          this.reload();
        },
      });
  }

  private showTemporaryPassword(issued: IssuedTemporaryPassword, reason: TemporaryPasswordDialogData['reason']): void {
    this.dialog.open<TemporaryPasswordDialog, TemporaryPasswordDialogData>(TemporaryPasswordDialog, {
      data: { name: this.employee().name, email: issued.account.email, temporaryPassword: issued.temporaryPassword, reason },
      disableClose: true,
      autoFocus: 'first-tabbable',
      width: '32rem',
    });
  }
}

import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthApi, DEFAULT_RETURN_URL, SessionStore, readAuthProblem, safeReturnUrl } from '@proficio/web/auth/data-access';
import { applyServerErrors } from '@proficio/web/shared/util';
import { ApiRoutes, AuthConfig, SSO_ERRORS, SsoError } from '@proficio/shared/contracts';
import { catchError, of } from 'rxjs';
import { ErrorSummary, ErrorSummaryItem, fieldErrorItems } from '../error-summary/error-summary';
import { SummarisedSubmit } from '../error-summary/summarised-submit';

export const INCORRECT_CREDENTIALS = 'Email or password is incorrect.';
export const TOO_MANY_ATTEMPTS = 'Too many attempts, try again in a minute';

/** Why single sign-on sent the person back here (`/sign-in?error=…`), in their words. */
export const SSO_ERROR_MESSAGES: Record<SsoError, string> = {
  'sso-unknown-user': 'There is no Proficio account for the email address of your single sign-on account. Ask an administrator to add you.',
  'sso-unverified-email': 'Your sign-in provider has not verified your email address, so Proficio cannot sign you in with it.',
  'sso-failed': 'Single sign-on did not complete. Try again, or sign in with your email and password.',
  'sso-unavailable': 'The single sign-on service cannot be reached right now. Try again later, or sign in with your email and password.',
};
const isSsoError = (value: string | null): value is SsoError => (SSO_ERRORS as readonly string[]).includes(value ?? '');

type DemoAccount = AuthConfig['demoAccounts'][number];
type SignInField = 'email' | 'password';

const FIELD_IDS: Record<SignInField, string> = { email: 'sign-in-email', password: 'sign-in-password' };
const FIELD_LABELS: Record<SignInField, string> = { email: 'Email', password: 'Password' };

/**
 * `/sign-in?returnUrl=/somewhere`: email and password; single sign-on when the API has it;
 * in demo mode, the demo accounts to try. `?error=sso-…` explains why single sign-on failed.
 */
@Component({
  selector: 'app-sign-in-page',
  imports: [ErrorSummary, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ReactiveFormsModule],
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly submitButton = viewChild.required<string, ElementRef<HTMLButtonElement>>('submitButton', { read: ElementRef });

  protected readonly fieldIds = FIELD_IDS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  /** Busy while signing in, and what went wrong with the last attempt (shown in the error summary). */
  private readonly errorSummary = viewChild(ErrorSummary);
  protected readonly submission = new SummarisedSubmit(() => this.errorSummary());
  protected readonly passwordVisible = signal(false);

  /** Demo mode and its accounts; if the config cannot be loaded the page simply shows no demo accounts. */
  private readonly config = toSignal(
    inject(AuthApi)
      .getConfig()
      .pipe(catchError(() => of(null))),
    { initialValue: null },
  );
  protected readonly demoAccounts = computed<readonly DemoAccount[]>(() => {
    const config = this.config();
    return config?.demo ? config.demoAccounts : [];
  });
  /** "Sign in with <label>" when single sign-on is on. */
  protected readonly ssoLabel = computed(() => {
    const oidc = this.config()?.oidc;
    return oidc?.enabled ? (oidc.label ?? 'SSO') : null;
  });
  /** A full-page navigation to the API, which redirects to the provider and back. */
  protected readonly ssoHref = ApiRoutes.oidcSignIn(safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')) ?? undefined);

  constructor() {
    const error = this.route.snapshot.queryParamMap.get('error');
    if (isSsoError(error)) this.submission.show([{ message: SSO_ERROR_MESSAGES[error] }]);
  }

  protected togglePasswordVisibility(): void {
    this.passwordVisible.update((visible) => !visible);
  }

  /** Fills the form with a demo account and moves to the Sign in button. */
  protected useDemoAccount(account: DemoAccount): void {
    this.form.setValue({ email: account.email, password: account.password });
    this.submission.errors.set([]);
    this.submitButton().nativeElement.focus();
  }

  protected errorFor(field: SignInField): string | null {
    const control: AbstractControl = this.form.controls[field];
    if (control.hasError('server')) return `${FIELD_LABELS[field]} ${control.getError('server') as string}`;
    if (control.hasError('required')) return field === 'email' ? 'Enter your email address' : 'Enter your password';
    if (control.hasError('email')) return 'Enter an email address like name@example.com';
    return null;
  }

  protected signIn(): void {
    if (this.submission.busy() || !this.submission.check(this.form, () => this.fieldErrors())) return;
    const { email, password } = this.form.getRawValue();
    this.submission.run(
      this.session.signIn({ email: email.trim(), password }),
      () => void this.goToReturnUrl(),
      (error) => this.problemErrors(error),
    );
  }

  private async goToReturnUrl(): Promise<void> {
    const target = safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')) ?? DEFAULT_RETURN_URL;
    const navigated = await this.router.navigateByUrl(target);
    if (!navigated) await this.router.navigateByUrl(DEFAULT_RETURN_URL);
  }

  private fieldErrors(): ErrorSummaryItem[] {
    return fieldErrorItems(FIELD_IDS, (field) => this.errorFor(field));
  }

  private problemErrors(error: unknown): ErrorSummaryItem[] {
    const problem = readAuthProblem(error);
    switch (problem.status) {
      case 401:
        return [{ message: INCORRECT_CREDENTIALS }];
      case 429:
        // The API says which limit was hit and for how long ("… Try again in 42 seconds.").
        return [{ message: problem.detail ?? TOO_MANY_ATTEMPTS }];
      case 400: {
        // Errors of fields the form does not have are left out: the summary names the form's own.
        applyServerErrors(this.form, problem);
        const fieldErrors = this.fieldErrors();
        return fieldErrors.length > 0 ? fieldErrors : [{ message: problem.detail ?? problem.title }];
      }
      default:
        return [{ message: problem.detail ? `${problem.title}. ${problem.detail}` : problem.title }];
    }
  }
}

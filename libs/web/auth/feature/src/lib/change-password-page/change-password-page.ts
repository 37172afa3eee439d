import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import {
  AbstractControl,
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { DEFAULT_RETURN_URL, SessionStore, readAuthProblem } from '@proficio/web/auth/data-access';
import { applyServerErrors } from '@proficio/web/shared/util';
import { ErrorSummary, ErrorSummaryItem, fieldErrorItems } from '../error-summary/error-summary';
import { SummarisedSubmit } from '../error-summary/summarised-submit';

/** The API's password rules, checked here too so most mistakes are caught before sending. */
export const MIN_PASSWORD_LENGTH = 12;
/** The API's limit (ASVS 2.1.2): passphrases up to 128 characters. */
export const MAX_PASSWORD_LENGTH = 128;

type PasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';

const FIELD_IDS: Record<PasswordField, string> = {
  currentPassword: 'current-password',
  newPassword: 'new-password',
  confirmPassword: 'confirm-password',
};
const FIELD_LABELS: Record<PasswordField, string> = {
  currentPassword: 'Current password',
  newPassword: 'New password',
  confirmPassword: 'Confirm new password',
};
/** The form's three fields, in order, with what the browser may fill in. */
const PASSWORD_FIELDS: readonly { name: PasswordField; label: string; autocomplete: 'current-password' | 'new-password' }[] = [
  { name: 'currentPassword', label: FIELD_LABELS.currentPassword, autocomplete: 'current-password' },
  { name: 'newPassword', label: FIELD_LABELS.newPassword, autocomplete: 'new-password' },
  { name: 'confirmPassword', label: FIELD_LABELS.confirmPassword, autocomplete: 'new-password' },
];

/** The new password must not be the signed-in person's email address (any case). */
function notEmail(email: () => string | undefined): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const value = control.value?.trim().toLowerCase();
    const own = email()?.trim().toLowerCase();
    return value && own && value === own ? { notEmail: true } : null;
  };
}

/** `/account/password`: current, new and confirmed new password; shows the API's field errors. */
@Component({
  selector: 'app-change-password-page',
  imports: [
    ErrorSummary,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './change-password-page.html',
  styleUrl: './change-password-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly fieldIds = FIELD_IDS;
  protected readonly passwordFields = PASSWORD_FIELDS;
  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly maxLength = MAX_PASSWORD_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), notEmail(() => this.session.me()?.email)]],
    confirmPassword: ['', [Validators.required, (control: AbstractControl<string>) => this.matchesNewPassword(control)]],
  });

  /**
   * Signed in with a temporary password: the guards keep the person here until they choose their own,
   * then they go on to the app with the new session the change starts.
   */
  protected readonly mustChange = this.session.passwordMustChange();
  private readonly errorSummary = viewChild(ErrorSummary);
  protected readonly submission = new SummarisedSubmit(() => this.errorSummary());
  protected readonly passwordsVisible = signal(false);
  protected readonly changed = signal(false);

  protected errorFor(field: PasswordField): string | null {
    const control = this.form.controls[field];
    if (control.hasError('server')) return control.getError('server') as string;
    if (control.hasError('required')) {
      return field === 'currentPassword'
        ? 'Enter your current password'
        : field === 'newPassword'
          ? 'Enter a new password'
          : 'Enter the new password again';
    }
    if (control.hasError('minlength')) return `New password must be at least ${MIN_PASSWORD_LENGTH} characters long`;
    if (control.hasError('notEmail')) return 'New password must not be your email address';
    if (control.hasError('mismatch')) return 'The passwords do not match';
    return null;
  }

  protected changePassword(): void {
    if (this.submission.busy()) return;
    this.changed.set(false);
    // The confirmation is checked against the new password as it is now.
    this.form.controls.confirmPassword.updateValueAndValidity();
    if (!this.submission.check(this.form, () => this.fieldErrors())) return;
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.submission.run(
      this.session.changePassword({ currentPassword, newPassword }),
      () => {
        if (this.mustChange) return void this.router.navigateByUrl(DEFAULT_RETURN_URL);
        this.submission.busy.set(false);
        this.formDirective().resetForm();
        this.changed.set(true);
      },
      (error) => this.problemErrors(error),
    );
  }

  private matchesNewPassword(control: AbstractControl<string>): ValidationErrors | null {
    // `form` is still undefined while the group is being built.
    const newPassword = this.form?.controls.newPassword.value;
    return control.value && newPassword !== undefined && control.value !== newPassword ? { mismatch: true } : null;
  }

  private fieldErrors(): ErrorSummaryItem[] {
    return fieldErrorItems(FIELD_IDS, (field) => this.errorFor(field));
  }

  private problemErrors(error: unknown): ErrorSummaryItem[] {
    const problem = readAuthProblem(error);
    if (problem.status === 401) {
      this.form.controls.currentPassword.setErrors({ server: 'Your current password is incorrect' });
      return this.fieldErrors();
    }
    if (problem.status === 429) {
      return [{ message: 'Too many attempts, try again in a minute' }];
    }
    const unplaced = applyServerErrors(this.form, problem, {}, (field, message) => `${FIELD_LABELS[field as PasswordField]} ${message}`);
    // With no field named, `unplaced` holds the problem's own message, worded below instead.
    const items = [...this.fieldErrors(), ...(problem.errors.length ? unplaced.map((message) => ({ message })) : [])];
    return items.length > 0 ? items : [{ message: problem.detail ? `${problem.title}. ${problem.detail}` : problem.title }];
  }
}

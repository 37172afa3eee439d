import type { UserEntity } from '../auth';

/** What the audit log keeps of an account: never the password hash or a temporary password. */
export const userSnapshot = (user: Pick<UserEntity, 'email' | 'employeeId' | 'isAdmin' | 'disabledAt' | 'passwordMustChange'>) => ({
  email: user.email,
  employeeId: user.employeeId,
  isAdmin: user.isAdmin,
  disabled: user.disabledAt !== null,
  passwordMustChange: user.passwordMustChange,
});

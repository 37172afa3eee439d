import type { NamedRef } from './people';

/** Whether an account may sign in. */
export type UserAccountStatus = 'active' | 'disabled';
export const USER_ACCOUNT_STATUSES: readonly UserAccountStatus[] = ['active', 'disabled'];

/** A sign-in account (`/api/users`, admin only). Password material never leaves the API, except a temporary password once. */
export interface UserAccount {
  id: string;
  email: string;
  status: UserAccountStatus;
  /** HR administrator: may do everything. Managers and employees follow from the linked employee record. */
  isAdmin: boolean;
  /** A temporary password was issued: the person must choose their own at the next sign-in. */
  passwordMustChange: boolean;
  /** The person the account belongs to; none for an administrator without an employee record. */
  employee?: NamedRef;
  createdAt: string;
  disabledAt?: string;
}

/** `GET /api/users`: search by email or name; `employeeId` finds the account of one person. */
export interface UserListQuery {
  q?: string;
  status?: UserAccountStatus;
  admin?: boolean;
  employeeId?: string;
  page?: number;
  pageSize?: number;
}

/**
 * `POST /api/users`: the account of an employee (with the employee's email), or, with `email` instead of
 * `employeeId`, an administrator without an employee record (`isAdmin` must then be true).
 */
export interface CreateUserRequest {
  employeeId?: string;
  email?: string;
  isAdmin?: boolean;
}

/** `PATCH /api/users/:id`: grant or revoke administration, disable or enable. */
export interface UpdateUserRequest {
  isAdmin?: boolean;
  disabled?: boolean;
}

/**
 * Answer of creating an account and of `POST /api/users/:id/password-reset`: the only time the
 * temporary password is shown. The administrator passes it on; the person must change it at sign-in.
 */
export interface IssuedTemporaryPassword {
  account: UserAccount;
  temporaryPassword: string;
}

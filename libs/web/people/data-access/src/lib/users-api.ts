import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiRoutes, IssuedTemporaryPassword, Page, UpdateUserRequest, UserAccount, UserListQuery } from '@proficio/shared/contracts';
import { httpParams } from '@proficio/web/shared/util';
import { Observable, map } from 'rxjs';

/**
 * Sign-in accounts (`/api/users`, admins only). Creating an account and resetting a password answer a
 * temporary password once: show it to the administrator and keep it nowhere.
 */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  /** One page of accounts, searched by email or name. */
  listAccounts(query: UserListQuery = {}): Observable<Page<UserAccount>> {
    return this.http.get<Page<UserAccount>>(ApiRoutes.users, { params: httpParams(query) });
  }

  /** The account of one person, or `null` when they have none. */
  accountOf(employeeId: string): Observable<UserAccount | null> {
    return this.listAccounts({ employeeId, pageSize: 1 }).pipe(map((page) => page.items[0] ?? null));
  }

  /** Creates the account of an employee (their email); 409 naming `employeeId` when they have one or the email is taken. */
  createAccount(employeeId: string, isAdmin: boolean): Observable<IssuedTemporaryPassword> {
    return this.http.post<IssuedTemporaryPassword>(ApiRoutes.users, { employeeId, isAdmin });
  }

  /** Grants or revokes administration, disables or enables; 409 for your own account or the last administrator. */
  updateAccount(id: string, change: UpdateUserRequest): Observable<UserAccount> {
    return this.http.patch<UserAccount>(ApiRoutes.user(id), change);
  }

  /** A new temporary password: the old one stops working and every session of the account ends. */
  resetPassword(id: string): Observable<IssuedTemporaryPassword> {
    return this.http.post<IssuedTemporaryPassword>(ApiRoutes.userPasswordReset(id), null);
  }
}

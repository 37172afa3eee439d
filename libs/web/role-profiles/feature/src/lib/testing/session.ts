import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiRoutes, Me, Role } from '@proficio/shared/contracts';
import { SessionStore } from '@proficio/web/auth/data-access';
import { firstValueFrom } from 'rxjs';

/** Signs `employee` in with `roles` through the SessionStore, answering the sign-in request (specs only). */
export async function signInAs(
  http: HttpTestingController,
  roles: Role[],
  employee: { id: string; name: string } | undefined,
): Promise<void> {
  const me: Me = { id: 'u-1', email: 'someone@demo.proficio.local', roles, employee, reportCount: 0 };
  const done = firstValueFrom(TestBed.inject(SessionStore).signIn({ email: me.email, password: 'x' }));
  http.expectOne(ApiRoutes.signIn).flush({ accessToken: 't', expiresIn: 900, user: me });
  await done;
}

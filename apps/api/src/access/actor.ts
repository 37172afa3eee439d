import type { Role } from '@proficio/shared/contracts';

/** The signed-in caller, as the JWT strategy puts it on the request. */
export interface Actor {
  userId: string;
  employeeId: string | null;
  roles: Role[];
  /** Signed in with a temporary password: only the password change is open until they choose one. */
  passwordMustChange?: boolean;
}

import type { FieldError } from '@proficio/shared/contracts';

/** The facts an account change is judged on. */
export interface AccountChangeFacts {
  actorUserId: string;
  target: { id: string; isAdmin: boolean; disabled: boolean };
  change: { isAdmin?: boolean; disabled?: boolean };
  /** Enabled administrators other than the target. */
  otherEnabledAdmins: number;
}

/**
 * Why an administrator may not make this change (409), or null. Nobody removes their own
 * administration or disables themselves (they would lock themselves out), and the last enabled
 * administrator stays one: otherwise nobody could manage accounts any more.
 */
export function accountChangeConflict({ actorUserId, target, change, otherEnabledAdmins }: AccountChangeFacts): FieldError | null {
  const self = target.id === actorUserId;
  if (self && change.isAdmin === false && target.isAdmin) return { field: 'isAdmin', message: 'cannot be removed from your own account' };
  if (self && change.disabled === true && !target.disabled) return { field: 'disabled', message: 'cannot be set on your own account' };
  const adminBefore = target.isAdmin && !target.disabled;
  const adminAfter = (change.isAdmin ?? target.isAdmin) && !(change.disabled ?? target.disabled);
  if (adminBefore && !adminAfter && otherEnabledAdmins === 0) {
    return change.isAdmin === false
      ? { field: 'isAdmin', message: 'cannot be removed from the last enabled administrator' }
      : { field: 'disabled', message: 'cannot be set on the last enabled administrator' };
  }
  return null;
}

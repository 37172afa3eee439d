import { accountChangeConflict, AccountChangeFacts } from './account-rules';

const ME = 'me';
const OTHER = 'other';
const admin = (id: string, disabled = false) => ({ id, isAdmin: true, disabled });
const plain = (id: string, disabled = false) => ({ id, isAdmin: false, disabled });

describe('accountChangeConflict', () => {
  it.each<[string, AccountChangeFacts, string | null]>([
    [
      'removing one’s own admin right',
      { actorUserId: ME, target: admin(ME), change: { isAdmin: false }, otherEnabledAdmins: 3 },
      'isAdmin',
    ],
    ['disabling oneself', { actorUserId: ME, target: admin(ME), change: { disabled: true }, otherEnabledAdmins: 3 }, 'disabled'],
    [
      'confirming one’s own admin right',
      { actorUserId: ME, target: admin(ME), change: { isAdmin: true, disabled: false }, otherEnabledAdmins: 0 },
      null,
    ],
    [
      'removing another admin while others remain',
      { actorUserId: ME, target: admin(OTHER), change: { isAdmin: false }, otherEnabledAdmins: 1 },
      null,
    ],
    [
      'disabling another admin while others remain',
      { actorUserId: ME, target: admin(OTHER), change: { disabled: true }, otherEnabledAdmins: 1 },
      null,
    ],
    [
      'removing the last enabled admin',
      { actorUserId: ME, target: admin(OTHER), change: { isAdmin: false }, otherEnabledAdmins: 0 },
      'isAdmin',
    ],
    [
      'disabling the last enabled admin',
      { actorUserId: ME, target: admin(OTHER), change: { disabled: true }, otherEnabledAdmins: 0 },
      'disabled',
    ],
    [
      'removing admin from a disabled admin',
      { actorUserId: ME, target: admin(OTHER, true), change: { isAdmin: false }, otherEnabledAdmins: 0 },
      null,
    ],
    ['disabling an employee account', { actorUserId: ME, target: plain(OTHER), change: { disabled: true }, otherEnabledAdmins: 0 }, null],
    ['granting admin', { actorUserId: ME, target: plain(OTHER), change: { isAdmin: true }, otherEnabledAdmins: 0 }, null],
    [
      'enabling a disabled account',
      { actorUserId: ME, target: plain(OTHER, true), change: { disabled: false }, otherEnabledAdmins: 0 },
      null,
    ],
  ])('%s', (_case, facts, field) => {
    expect(accountChangeConflict(facts)?.field ?? null).toBe(field);
  });
});

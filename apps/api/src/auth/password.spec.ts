import { hashPassword, passwordProblems, verifyPassword } from './password';

describe('passwordProblems', () => {
  it.each([
    ['correct horse battery', 'ada@example.org', []],
    ['Xq7#brief', 'ada@example.org', ['must be at least 12 characters long']],
    ['ada@example.org', 'ada@example.org', ['must not be your email address']],
    ['ADA@EXAMPLE.ORG ', 'ada@example.org', ['must not be your email address']],
    ['x'.repeat(129), 'ada@example.org', ['must be at most 128 characters long', expect.stringContaining('different characters')]],
    ['Tq8#vLw2!pZr'.repeat(10).slice(0, 128), 'ada@example.org', []],
    ['ßüéñçøåæœðþł', 'ada@example.org', []],
    // NFKC: the ligature "ﬃ" is three characters ("ffi"), so this reaches 12 only after normalisation
    ['ﬃ cabinroad', 'ada@example.org', []],
    ['password1234', 'ada@example.org', [expect.stringContaining('most common passwords')]],
    ['Password1234!', 'ada@example.org', [expect.stringContaining('most common passwords')]],
    ['qwertyuiop12', 'ada@example.org', [expect.stringContaining('most common passwords')]],
    ['aaaaaaaaaaaa', 'ada@example.org', [expect.stringContaining('at least 5 different characters')]],
    ['abababababab', 'ada@example.org', [expect.stringContaining('at least 5 different characters')]],
    ['            ', 'ada@example.org', ['must not be only spaces']],
  ])('%p for %s -> %p', (password, email, problems) => {
    expect(passwordProblems(password, email)).toEqual(problems);
  });
});

describe('hashPassword', () => {
  it('hashes with argon2id and verifies only the same password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});

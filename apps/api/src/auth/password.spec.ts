import { hashPassword, passwordProblems, verifyPassword } from './password';

describe('passwordProblems', () => {
  it.each([
    ['correct horse battery', 'ada@example.org', []],
    ['short', 'ada@example.org', ['must be at least 12 characters long']],
    ['ada@example.org', 'ada@example.org', ['must not be your email address']],
    ['ADA@EXAMPLE.ORG ', 'ada@example.org', ['must not be your email address']],
    ['x'.repeat(201), 'ada@example.org', ['must be at most 200 characters long']],
    ['ßßßßßßßßßßßß', 'ada@example.org', []],
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

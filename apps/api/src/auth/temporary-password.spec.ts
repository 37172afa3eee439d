import { passwordProblems } from './password';
import { generateTemporaryPassword, TEMPORARY_PASSWORD_ALPHABET } from './temporary-password';

describe('generateTemporaryPassword', () => {
  it('makes four groups of four unambiguous characters', () => {
    for (let i = 0; i < 200; i++) {
      const password = generateTemporaryPassword();
      expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{4}(-[A-HJ-NP-Za-km-z2-9]{4}){3}$/);
      expect(password.replace(/-/g, '')).toHaveLength(16);
    }
  });

  it('never uses characters that are easy to confuse', () => {
    for (const confusable of ['0', 'O', 'o', '1', 'l', 'I']) expect(TEMPORARY_PASSWORD_ALPHABET).not.toContain(confusable);
    expect(new Set(TEMPORARY_PASSWORD_ALPHABET).size).toBe(TEMPORARY_PASSWORD_ALPHABET.length);
  });

  it('passes the password rules for any email', () => {
    expect(passwordProblems(generateTemporaryPassword(), 'ada@example.org')).toEqual([]);
  });

  it('is different every time and uses the whole alphabet', () => {
    const passwords = Array.from({ length: 500 }, () => generateTemporaryPassword());
    expect(new Set(passwords).size).toBe(passwords.length);
    const used = new Set(passwords.join('').replace(/-/g, ''));
    expect(used.size).toBe(TEMPORARY_PASSWORD_ALPHABET.length);
  });
});

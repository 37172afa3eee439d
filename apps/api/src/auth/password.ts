import { dictionary } from '@zxcvbn-ts/language-common';
import * as argon2 from 'argon2';

/** ASVS 2.1.1 and 2.1.2: at least 12 characters, and passphrases up to 128 (counted after Unicode normalisation). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;
/** Fewer different characters than this is a repetition (`aaaaaaaaaaaa`, `abababababab`), refused as NIST 800-63B suggests. */
const MIN_DISTINCT_CHARACTERS = 5;

/**
 * The ~49,000 most common passwords of the breach corpora that zxcvbn-ts ships (MIT), lower case.
 * Built on first use: the set takes a few MB, and only password changes need it.
 */
let common: ReadonlySet<string> | undefined;
const commonPasswords = (): ReadonlySet<string> => (common ??= new Set(dictionary.passwords.map((word) => word.toLowerCase())));

/** Whether a password is one of the common ones, or one of them with digits or symbols stuck on the end (`password1234`, `dragon!!`). */
export function isCommonPassword(password: string): boolean {
  const lower = password.trim().toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  return commonPasswords().has(lower) || (stem.length >= 4 && commonPasswords().has(stem));
}

/**
 * Why a new password is not acceptable (each reason as a field error would say it), or an empty list.
 * Whether it is the current (or temporary) password is checked against the hash by the caller.
 */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  const characters = [...password.normalize('NFKC')];
  if (characters.length < MIN_PASSWORD_LENGTH) problems.push(`must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  if (characters.length > MAX_PASSWORD_LENGTH) problems.push(`must be at most ${MAX_PASSWORD_LENGTH} characters long`);
  if (!password.trim()) problems.push('must not be only spaces');
  else if (new Set(characters.map((character) => character.toLowerCase())).size < MIN_DISTINCT_CHARACTERS) {
    problems.push(`must use at least ${MIN_DISTINCT_CHARACTERS} different characters, not one or two repeated`);
  }
  const normalised = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  if (address && (normalised === address || normalised === address.split('@')[0])) problems.push('must not be your email address');
  else if (isCommonPassword(password)) problems.push('is one of the most common passwords, which are guessed first: choose another');
  return problems;
}

/** argon2id with the library's defaults (64 MiB, 3 passes). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so that timing does not tell. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-password-for-unknown-accounts');
  return decoy;
}

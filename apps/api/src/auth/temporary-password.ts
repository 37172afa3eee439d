import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand (no 0/O/o, 1/l/I). */
export const TEMPORARY_PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
export const TEMPORARY_PASSWORD_GROUPS = 4;
export const TEMPORARY_PASSWORD_GROUP_LENGTH = 4;

/**
 * A one-time password an administrator passes on, e.g. `Hq7m-x3Tz-9kPa-bW4e`: 16 characters drawn
 * uniformly (crypto.randomInt) from 55, about 92 bits, in dash-separated groups that are easy to read out.
 */
export function generateTemporaryPassword(): string {
  const groups: string[] = [];
  for (let group = 0; group < TEMPORARY_PASSWORD_GROUPS; group++) {
    let text = '';
    for (let char = 0; char < TEMPORARY_PASSWORD_GROUP_LENGTH; char++) {
      text += TEMPORARY_PASSWORD_ALPHABET[randomInt(TEMPORARY_PASSWORD_ALPHABET.length)];
    }
    groups.push(text);
  }
  return groups.join('-');
}

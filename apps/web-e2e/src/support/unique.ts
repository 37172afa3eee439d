import { randomBytes } from 'node:crypto';

/**
 * A suffix no other journey (and no earlier run against the same database) uses: every journey
 * names the people, teams and profiles it creates with one, so none can see or count another's data.
 */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
}

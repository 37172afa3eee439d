import type { EmployeeDetail } from '@proficio/shared/contracts';
import type { TestApp } from './test-app';

/** Creates a person with an account of their own, signs them in and keeps their access token under their first name. */
export async function signedInPerson(
  testApp: TestApp,
  tokens: Record<string, string>,
  name: string,
  email: string,
  managerId?: string,
): Promise<EmployeeDetail> {
  const { employee, token } = await testApp.signedInEmployee({ name, email, managerId });
  tokens[name] = token;
  return employee;
}

/** Luca manages Sara directly and, through Sara, Ivo; Tom is elsewhere. Each signed in, their tokens kept by first name. */
export async function lucasLine(
  testApp: TestApp,
  tokens: Record<string, string>,
): Promise<Record<'luca' | 'sara' | 'ivo' | 'tom', EmployeeDetail>> {
  const luca = await signedInPerson(testApp, tokens, 'Luca', 'luca@example.org');
  const sara = await signedInPerson(testApp, tokens, 'Sara', 'sara@example.org', luca.id);
  const ivo = await signedInPerson(testApp, tokens, 'Ivo', 'ivo@example.org', sara.id);
  const tom = await signedInPerson(testApp, tokens, 'Tom', 'tom@example.org');
  return { luca, sara, ivo, tom };
}

import { APIRequestContext, APIResponse, expect, Page, request } from '@playwright/test';

/** An email and password that can sign in. */
export interface Credentials {
  readonly email: string;
  readonly password: string;
}

/** The demo organisation's accounts (the e2e server runs in demo mode). */
export const DEMO = {
  admin: { email: 'hr.admin@demo.proficio.local', password: 'demo-admin-password', name: 'Hana Ito' },
  manager: { email: 'marco.rossi@demo.proficio.local', password: 'demo-manager-password', name: 'Marco Rossi' },
  employee: { email: 'sara.bianchi@demo.proficio.local', password: 'demo-employee-password', name: 'Sara Bianchi' },
} as const;

/**
 * Signs in through the sign-in page, the way a person does, and waits until the app has let them
 * in (the sign-in page is gone). The one way every journey signs a browser in.
 */
export async function signInAs(page: Page, account: Credentials, returnUrl = '/'): Promise<void> {
  await page.goto(`/sign-in?returnUrl=${encodeURIComponent(returnUrl)}`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // The way out of the sign-in page loads the lazy chunks of the page asked for (the import wizard's
  // are large): on a busy machine that alone has taken over 15 s, hence the longer wait here.
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 45_000 });
}

/**
 * An API client signed in as `account` (its access token on every request), for preparing the
 * data a journey needs and for asking the API directly. Dispose of it when done.
 */
export async function apiSignedInAs(baseURL: string | undefined, account: Credentials): Promise<APIRequestContext> {
  const anonymous = await request.newContext({ baseURL });
  try {
    const response = await anonymous.post('/api/auth/sign-in', { data: { email: account.email, password: account.password } });
    expect(response.status(), `sign-in of ${account.email}`).toBe(200);
    const { accessToken } = (await response.json()) as { accessToken: string };
    return await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` } });
  } finally {
    await anonymous.dispose();
  }
}

/** Reads a JSON answer after checking its status. */
export async function okJson<T>(response: APIResponse, status = 200): Promise<T> {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

/** The id of the person called `name`, as `api` finds them in the directory (an admin finds everyone). */
export async function personId(api: APIRequestContext, name: string): Promise<string> {
  const found = await okJson<{ items: { id: string; name: string }[] }>(await api.get(`/api/employees?q=${encodeURIComponent(name)}`));
  const person = found.items.find((item) => item.name === name);
  if (!person) throw new Error(`no ${name} in the demo organisation`);
  return person.id;
}

import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface OidcTestAccount {
  email: string;
  email_verified: boolean;
}

export interface OidcTestProviderSetup {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  accounts: Record<string, OidcTestAccount>;
}

export interface OidcTestProvider {
  issuer: string;
  stop(): Promise<void>;
}

/**
 * Starts the in-process test OpenID Connect provider (support/oidc-provider.mjs)
 * in a child Node process: oidc-provider is ESM-only, which jest's CommonJS
 * runtime cannot load.
 */
export async function startOidcTestProvider(setup: OidcTestProviderSetup): Promise<OidcTestProvider> {
  const child = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs')], {
    env: { ...process.env, OIDC_TEST_SETUP: JSON.stringify(setup), NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the test OIDC provider did not start: ${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the test OIDC provider exited with ${code}: ${output}`));
    });
  });
  return { issuer, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A browser's cookies for one site (paths ignored), enough to walk the provider's redirects. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  store(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', attrValue = ''] = attribute.split('=').map((part) => part.trim());
        return (
          (key.toLowerCase() === 'max-age' && Number(attrValue) <= 0) ||
          (key.toLowerCase() === 'expires' && Date.parse(attrValue) < Date.now())
        );
      });
      if (expired || !value) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/**
 * Follows the provider's redirects like a browser (cookies kept) from `url`
 * until one leads to `until`; visiting the provider's sign-in interaction
 * signs in as `account`. Returns that last Location.
 */
export async function walkProvider(url: string, until: string, account: string, jar = new CookieJar()): Promise<string> {
  let next = url;
  for (let hop = 0; hop < 10; hop++) {
    if (next.startsWith(until)) return next;
    const target = new URL(next);
    if (target.pathname.startsWith('/interaction/')) target.searchParams.set('account', account);
    const response = await fetch(target, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(response.headers.getSetCookie());
    const location = response.headers.get('location');
    if (!location)
      throw new Error(`the provider answered ${response.status} at ${target.pathname} without a redirect: ${await response.text()}`);
    next = new URL(location, target).toString();
  }
  throw new Error('too many redirects at the provider');
}

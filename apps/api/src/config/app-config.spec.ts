import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, embeddedPgPort: 54329, logLevel: 'info', databaseUrl: undefined, demoMode: true });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('reads and converts the variables', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://app:secret@db:5432/proficio',
      EMBEDDED_PG_PORT: '6000',
      LOG_LEVEL: 'warn',
      PROFICIO_DATA_DIR: '/var/lib/proficio',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://app:secret@db:5432/proficio',
      embeddedPgPort: 6000,
      logLevel: 'warn',
      dataDir: '/var/lib/proficio',
      demoMode: false,
    });
  });

  it('lets DEMO_MODE override the default', () => {
    expect(loadConfig({ DEMO_MODE: 'false' }).demoMode).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/proficio', DEMO_MODE: 'true' }).demoMode).toBe(true);
  });

  it('publishes the API docs in demo mode only, unless API_DOCS says otherwise', () => {
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig({ DEMO_MODE: 'false' }).apiDocs).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/proficio' }).apiDocs).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/proficio', DEMO_MODE: 'true' }).apiDocs).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/proficio', API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(loadConfig({ API_DOCS: 'false' }).apiDocs).toBe(false);
  });

  describe('TRUST_PROXY', () => {
    it.each([
      [undefined, false],
      ['false', false],
      ['true', true],
      ['TRUE', true],
      ['2', 2],
      ['loopback', ['loopback']],
      ['10.0.0.0/8, 192.168.1.10', ['10.0.0.0/8', '192.168.1.10']],
      ['loopback,uniquelocal,fd00::/8', ['loopback', 'uniquelocal', 'fd00::/8']],
    ])('reads %p as %p', (value, expected) => {
      expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy).toEqual(expected);
    });

    it.each(['yes', '10.0.0.0/33', '300.1.1.1', 'loopback,', 'proxy.example.com', '10.0.0.1/8/2'])(
      'refuses %p naming the variable',
      (value) => {
        expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(
          /^Invalid configuration: TRUST_PROXY must be false, true, a number of proxy hops/,
        );
      },
    );
  });

  it('reads the unpacked size allowed for an uploaded .xlsx in megabytes, 50 by default', () => {
    expect(loadConfig({}).peopleImportXlsxMaxBytes).toBe(50 * 1024 * 1024);
    expect(loadConfig({ PEOPLE_IMPORT_XLSX_MAX_MB: '200' }).peopleImportXlsxMaxBytes).toBe(200 * 1024 * 1024);
  });

  it('reads the mail settings: no SMTP server by default, and the SMTP URL never shown in an error (it holds a password)', () => {
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    expect(loadConfig({})).toMatchObject({
      mailFrom: 'Proficio <proficio@localhost>',
      publicUrl: 'http://localhost:3000',
    });
    expect(
      loadConfig({
        SMTP_URL: 'smtps://bot:secret@mail.example.org:465',
        MAIL_FROM: 'Skills <skills@example.org>',
        PUBLIC_URL: 'https://skills.example.org/',
      }),
    ).toMatchObject({
      smtpUrl: 'smtps://bot:secret@mail.example.org:465',
      mailFrom: 'Skills <skills@example.org>',
      publicUrl: 'https://skills.example.org',
    });
    expect(() => loadConfig({ SMTP_URL: 'http://user:secret@mail' })).toThrow(
      /^Invalid configuration: SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL.*\(got a hidden value\)\.$/,
    );
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT must be a whole number between 1 and 65535 \(got "abc"\)\.$/],
    [{ PORT: '70000' }, /PORT must be a whole number/],
    [{ PORT: '-1' }, /PORT must be a whole number/],
    [{ DATABASE_URL: 'not-a-url' }, /^Invalid configuration: DATABASE_URL must be a PostgreSQL connection URL.*\(got "not-a-url"\)\.$/],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, /DATABASE_URL must be a PostgreSQL connection URL/],
    [{ EMBEDDED_PG_PORT: '80' }, /EMBEDDED_PG_PORT must be a whole number between 1024 and 65535/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of fatal, error/],
    [{ DEMO_MODE: 'yes' }, /DEMO_MODE must be true or false/],
    [{ API_DOCS: 'on' }, /API_DOCS must be true or false/],
    [{ PEOPLE_IMPORT_XLSX_MAX_MB: '0' }, /PEOPLE_IMPORT_XLSX_MAX_MB must be a whole number of megabytes between 1 and 1024/],
    [{ PEOPLE_IMPORT_XLSX_MAX_MB: '2048' }, /PEOPLE_IMPORT_XLSX_MAX_MB must be a whole number of megabytes/],
    [{ PEOPLE_IMPORT_XLSX_MAX_MB: '1.5' }, /PEOPLE_IMPORT_XLSX_MAX_MB must be a whole number of megabytes/],
  ])('rejects %p with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message.split('\n')).toHaveLength(1);
    }
  });

  describe('single sign-on (OpenID Connect)', () => {
    const oidc = { OIDC_ISSUER: 'https://login.example.com/realms/staff', OIDC_CLIENT_ID: 'proficio', OIDC_CLIENT_SECRET: 's3cret-value' };

    it('is off when no OIDC variable is set', () => {
      expect(loadConfig({}).oidc).toBeUndefined();
    });

    it('is on with issuer, client id and secret, calling back to localhost by default', () => {
      expect(loadConfig({ ...oidc, PORT: '8080' }).oidc).toEqual({
        issuer: 'https://login.example.com/realms/staff',
        clientId: 'proficio',
        clientSecret: 's3cret-value',
        redirectUrl: 'http://localhost:8080/api/auth/oidc/callback',
        label: 'SSO',
      });
    });

    it('builds the callback from PUBLIC_URL, or takes OIDC_REDIRECT_URL and OIDC_LABEL as given', () => {
      expect(loadConfig({ ...oidc, PUBLIC_URL: 'https://proficio.example.com/' }).oidc?.redirectUrl).toBe(
        'https://proficio.example.com/api/auth/oidc/callback',
      );
      expect(
        loadConfig({ ...oidc, OIDC_REDIRECT_URL: 'https://hr.example.com/api/auth/oidc/callback', OIDC_LABEL: ' Acme login ' }).oidc,
      ).toMatchObject({
        redirectUrl: 'https://hr.example.com/api/auth/oidc/callback',
        label: 'Acme login',
      });
    });

    it.each([
      [{ OIDC_ISSUER: oidc.OIDC_ISSUER }, /^Invalid configuration: OIDC_CLIENT_ID must be set when OIDC_ISSUER is set/],
      [
        { OIDC_ISSUER: oidc.OIDC_ISSUER, OIDC_CLIENT_ID: 'proficio' },
        /OIDC_CLIENT_SECRET must be set when OIDC_ISSUER and OIDC_CLIENT_ID are set/,
      ],
      [{ OIDC_CLIENT_SECRET: 'x' }, /OIDC_ISSUER must be set when OIDC_CLIENT_SECRET is set/],
      [{ OIDC_LABEL: 'Acme' }, /OIDC_LABEL is set but OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are not/],
      [
        { ...oidc, OIDC_ISSUER: 'login.example.com' },
        /OIDC_ISSUER must be the http\(s\) URL of an OpenID Connect issuer.*\(got "login.example.com"\)/,
      ],
      [
        { ...oidc, OIDC_REDIRECT_URL: 'https://proficio.example.com/callback' },
        /OIDC_REDIRECT_URL must end in \/api\/auth\/oidc\/callback/,
      ],
      [{ ...oidc, PUBLIC_URL: 'ftp://proficio.example.com' }, /PUBLIC_URL must be an http\(s\) URL/],
      [{ ...oidc, OIDC_LABEL: 'x'.repeat(61) }, /OIDC_LABEL must be at most 60 characters/],
    ])('rejects %p with one line naming the variable', (env, message) => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
    });

    it('never shows the client secret in an error', () => {
      const secret = `${'x'.repeat(2000)}-secret`;
      expect(() => loadConfig({ ...oidc, OIDC_CLIENT_SECRET: secret })).toThrow(
        /^Invalid configuration: OIDC_CLIENT_SECRET must be at most 2000 characters \(got a hidden value\)\.$/,
      );
    });
  });
});

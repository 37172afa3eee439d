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
  ])('rejects %p with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message.split('\n')).toHaveLength(1);
    }
  });
});

/**
 * What the benchmarks share: the real Nest app (as the integration tests
 * start it) listening on a port of its own, called over HTTP with fetch as a
 * signed-in user, and the figures: percentiles over many runs after a
 * warm-up, peak memory from the process counter, and a printed table.
 */
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { startTestPostgres, TestPostgres } from '../../test/support/postgres-server';
import { createTestApp, TestApp } from '../../test/support/test-app';
import { ADMIN_URL_VARIABLE, createTemplateDatabase, TemplateDatabase, TEMPLATE_VARIABLE } from '../../test/support/test-database';

export interface BenchServer {
  testApp: TestApp;
  dataSource: DataSource;
  baseUrl: string;
  postgres: string;
  /** Signs in an account through the API and returns a client that sends its access token. */
  client(email: string): Promise<HttpClient>;
  close(): Promise<void>;
}

export interface HttpClient {
  /** A request; throws unless the status is the expected one. Returns the parsed JSON body (or the text; with `raw`, always the text). */
  call<T = unknown>(
    method: string,
    path: string,
    options?: { body?: unknown; form?: FormData; expect?: number; raw?: boolean },
  ): Promise<T>;
}

let postgres: TestPostgres | undefined;
let template: TemplateDatabase | undefined;

/**
 * Starts (once) PostgreSQL: TEST_DATABASE_URL's server, else an embedded one; and migrates the
 * template database that each bench server's database is copied from, as the integration tests do.
 */
async function server(): Promise<TestPostgres> {
  if (!postgres) {
    postgres = await startTestPostgres();
    template = await createTemplateDatabase(postgres.adminUrl);
    process.env[ADMIN_URL_VARIABLE] = postgres.adminUrl;
    process.env[TEMPLATE_VARIABLE] = template.name;
  }
  return postgres;
}

export async function stopPostgres(): Promise<void> {
  await template?.drop();
  await postgres?.stop();
  template = undefined;
  postgres = undefined;
}

/** The real app on a fresh, migrated database, listening on a free port of 127.0.0.1. */
export async function startBenchServer(): Promise<BenchServer> {
  const pg = await server();
  const testApp = await createTestApp();
  await testApp.app.listen(0, '127.0.0.1');
  const http = testApp.app.getHttpServer() as import('node:http').Server;
  // Client and server share one event loop here: a synchronous step of the bench (generating or parsing a file)
  // can outlast Node's 5 s keep-alive, and the client would then reuse a connection the server is closing.
  http.keepAliveTimeout = 10 * 60_000;
  const address = http.address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const client = async (email: string): Promise<HttpClient> => {
    const { token } = await testApp.signIn(email);
    return {
      async call<T>(method: string, path: string, options: { body?: unknown; form?: FormData; expect?: number; raw?: boolean } = {}) {
        const response = await fetch(`${baseUrl}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          body: options.form ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
        });
        const text = await response.text();
        const expected = options.expect ?? (method === 'POST' ? [200, 201] : [200]);
        if (!([] as number[]).concat(expected).includes(response.status))
          throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
        return (!options.raw && response.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : text) as T;
      },
    };
  };
  return {
    testApp,
    dataSource: testApp.app.get(DataSource),
    baseUrl,
    postgres: pg.source,
    client,
    close: () => testApp.close(),
  };
}

/** A file as a multipart form, as the browser sends it. */
export function form(fields: Record<string, string>, files: Record<string, { content: Buffer | string; name: string }>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  for (const [name, file] of Object.entries(files))
    data.append(name, new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)]), file.name);
  return data;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/** Runs `work` `warmUp` times unmeasured, then `runs` times measured; returns the durations in ms. */
export async function sample(runs: number, work: (run: number) => Promise<unknown>, warmUp = 0): Promise<number[]> {
  for (let run = 0; run < warmUp; run++) await work(run);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push((await timed(() => work(run)))[1]);
  return times;
}

/** Peak resident memory of this process so far (app and client together), from the kernel's counter. */
/** The number in environment variable `name`, or `fallback` when it is unset or empty. */
export const envNumber = (name: string, fallback: number): number => {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : Number(value);
};

export const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

export interface Row {
  what: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  target?: string;
  note?: string;
}

export function row(what: string, times: number[], target?: string, note?: string): Row {
  return { what, runs: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), target, note };
}

/** Prints the figures as an aligned table (ms), with the peak RSS at the end. */
export function printTable(title: string, rows: Row[]): void {
  const cells = rows.map((r) => [
    r.what,
    String(r.runs),
    r.p50.toFixed(1),
    r.runs >= 20 ? r.p95.toFixed(1) : '–',
    r.max.toFixed(1),
    r.target ?? '',
    r.note ?? '',
  ]);
  const header = ['what', 'runs', 'p50 ms', 'p95 ms', 'max ms', 'target', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 || i >= 5 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join(' | ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const c of cells) console.log(line(c));
  console.log(`peak RSS of the process (app + client, process.resourceUsage().maxRSS): ${peakRssMb().toFixed(0)} MB`);
  console.log('p95 is shown only with 20 runs or more.');
}

/**
 * Runs a bench on the real app over a fresh database, then closes the app and stops PostgreSQL whatever happened;
 * a failure is printed and exits 1.
 */
export function runBench(bench: (server: BenchServer) => Promise<void>): void {
  const run = async () => {
    const server = await startBenchServer();
    try {
      await bench(server);
    } finally {
      await server.close();
      await stopPostgres();
    }
  };
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

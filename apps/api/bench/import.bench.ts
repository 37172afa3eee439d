/**
 * `npm run bench:import`: how fast framework imports and tree reads are, on a
 * real PostgreSQL (TEST_DATABASE_URL's server, else an embedded one), with
 * generated files of the sizes the product promises to handle. Prints figures;
 * asserts nothing.
 *
 *   SFIA CSV, 150 skills × 7 levels: parse + validate + commit    target < 2 s
 *   CASE package, 10,000 items + 20,000 associations              target < 15 s, peak RSS < 500 MB
 *   framework tree read of the largest built-in pack and the CASE one: p50 / p95   target p95 < 50 ms
 */
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BUILT_IN_PACKS, parseFramework } from '@proficio/shared/competency';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/app-config';
import { runMigrations } from '../src/database/migrate';
import { FrameworkQueryService } from '../src/frameworks/framework-query.service';
import { FrameworkWriterService } from '../src/frameworks/framework-writer.service';
import { startTestPostgres } from '../test/support/postgres-server';
import { createTestDatabase } from '../test/support/test-database';

const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;

function sfiaCsv(skills: number): string {
  const header = [
    '#',
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    'Code',
    'URL',
    'Skill',
    'Category',
    'Subcategory',
    'Overall description',
    'Guidance notes',
    ...[1, 2, 3, 4, 5, 6, 7].map((level) => `Level ${level} description`),
  ];
  const rows = Array.from({ length: skills }, (_, index) => {
    const code = `S${String(index).padStart(3, '0')}`.slice(0, 4);
    return [
      String(index + 1),
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      `B${index}`,
      `https://example.org/${code}`,
      `Skill ${index}`,
      `Category ${index % 6}`,
      `Subcategory ${index % 20}`,
      `Overall description of skill ${index}. `.repeat(4),
      `Guidance for skill ${index}. `.repeat(6),
      ...[1, 2, 3, 4, 5, 6, 7].map((level) =>
        `At level ${level} the holder of skill ${index} performs duties of growing scope and autonomy. `.repeat(3),
      ),
    ];
  });
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
}

function casePackage(items: number, associations: number): string {
  const documentId = randomUUID();
  const now = '2026-01-01T00:00:00+00:00';
  const cfItems = Array.from({ length: items }, (_, index) => ({
    identifier: randomUUID(),
    uri: `https://example.org/items/${index}`,
    fullStatement: `Competency statement number ${index}: applies the practice in varied and complex situations.`,
    humanCodingScheme: `X.${Math.floor(index / 100)}.${index % 100}`,
    CFItemType: index < 100 ? 'Area' : 'Competency',
    lastChangeDateTime: now,
  }));
  const association = (origin: { identifier: string }, destination: { identifier: string }, type: string, sequenceNumber: number) => ({
    identifier: randomUUID(),
    uri: `https://example.org/associations/${randomUUID()}`,
    associationType: type,
    sequenceNumber,
    originNodeURI: { title: 'o', identifier: origin.identifier, uri: `https://example.org/items/${origin.identifier}` },
    destinationNodeURI: { title: 'd', identifier: destination.identifier, uri: `https://example.org/items/${destination.identifier}` },
    CFDocumentURI: { title: 'doc', identifier: documentId, uri: 'https://example.org/doc' },
    lastChangeDateTime: now,
  });
  const doc = { identifier: documentId, uri: 'https://example.org/doc', title: 'Generated framework' };
  const cfAssociations = cfItems.map((item, index) =>
    index < 100
      ? association(item, doc, 'isChildOf', index)
      : association(item, cfItems[index % 100] as { identifier: string }, 'isChildOf', index),
  );
  for (let index = 0; cfAssociations.length < associations; index++) {
    cfAssociations.push(
      association(
        cfItems[(index * 7 + 101) % items] as { identifier: string },
        cfItems[(index * 13 + 103) % items] as { identifier: string },
        'isRelatedTo',
        index,
      ),
    );
  }
  return JSON.stringify({
    CFDocument: {
      ...doc,
      creator: 'Proficio bench',
      lastChangeDateTime: now,
      CFPackageURI: { title: 'pkg', identifier: documentId, uri: 'https://example.org/pkg' },
    },
    CFItems: cfItems,
    CFAssociations: cfAssociations,
  });
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

function peakRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function readTree(queries: FrameworkQueryService, id: string, runs: number): Promise<string> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) samples.push((await timed(() => queries.tree(id, {})))[1]);
  return `p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))} over ${runs} reads`;
}

async function main(): Promise<void> {
  const server = await startTestPostgres();
  process.env['PROFICIO_TEST_ADMIN_URL'] = server.adminUrl;
  const database = await createTestDatabase();
  let app: INestApplicationContext | undefined;
  try {
    await runMigrations(database.url);
    app = await NestFactory.createApplicationContext(
      AppModule.forRoot({ config: { ...loadConfig({ LOG_LEVEL: 'silent' }), webDistDir: undefined }, databaseUrl: database.url }),
      { logger: false },
    );
    await app.init();
    const writer = app.get(FrameworkWriterService);
    const queries = app.get(FrameworkQueryService);
    console.log(`PostgreSQL: ${server.source}`);

    const sfia = sfiaCsv(150);
    const [sfiaResult, sfiaMs] = await timed(async () => {
      const parsed = parseFramework('sfia-csv', Buffer.from(sfia, 'utf8'), { fileName: 'sfia-9_bench_en.csv' });
      if (!parsed.document) throw new Error(`SFIA bench file rejected: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
      return writer.write(parsed.document, { sourceFormat: 'sfia-csv', status: 'published' });
    });
    console.log(`SFIA CSV 150 skills × 7 levels (${mb(sfia.length)}): parse + validate + commit ${ms(sfiaMs)} (target < 2000 ms)`);

    const casePkg = casePackage(10_000, 20_000);
    const memory = peakRss();
    const [caseResult, caseMs] = await timed(async () => {
      const parsed = parseFramework('case', Buffer.from(casePkg, 'utf8'));
      if (!parsed.document) throw new Error(`CASE bench file rejected: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
      return writer.write(parsed.document, { sourceFormat: 'case', status: 'published' });
    });
    console.log(
      `CASE 10,000 items + 20,000 associations (${mb(casePkg.length)}): parse + validate + commit ${ms(caseMs)} (target < 15000 ms), peak RSS ${mb(memory.stop())} (target < 500 MB)`,
    );

    const largest = [...BUILT_IN_PACKS].sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0];
    const page = await queries.list({ page: 1, pageSize: 100 });
    const largestId = page.items.find((item) => item.key === largest?.framework.key)?.id;
    if (largestId)
      console.log(
        `tree read, largest built-in pack (${largest?.framework.code}): ${await readTree(queries, largestId, 200)} (target p95 < 50 ms)`,
      );
    console.log(`tree read, SFIA bench framework: ${await readTree(queries, sfiaResult.versionId, 50)}`);
    console.log(`tree read, CASE bench framework (10,000 items): ${await readTree(queries, caseResult.versionId, 10)}`);
  } finally {
    await app?.close();
    await database.drop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

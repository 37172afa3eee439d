/**
 * `npm run bench:import`: what a user waits for when importing frameworks and
 * reading them, over HTTP through the real routes (the Nest app as the tests
 * start it, listening on a port, called with fetch as the signed-in admin),
 * on a real PostgreSQL (TEST_DATABASE_URL's server, else an embedded one),
 * with generated files of the sizes the product promises to handle. Prints a
 * table of figures; asserts only that every request succeeds.
 *
 *   SFIA CSV, 150 skills × 7 levels: upload + preview, then commit        target < 2 s together
 *   CASE package, 10,000 items + 20,000 associations: preview, commit     target < 15 s together, peak RSS < 500 MB
 *   framework outline (GET /api/frameworks/:id/outline), what the browser loads first, 200 reads   target p95 < 50 ms
 *   one competency (GET /api/competencies/:id), what the browser loads when one is selected, 200 reads  target p95 < 50 ms
 *   framework tree (GET /api/frameworks/:id), after a warm-up, 200 reads, for comparison
 *   (a published version's tree and outline are built once per language and kept: the first read, which builds it,
 *   is printed apart, five times with the kept ones forgotten before each; and the reads without the client's
 *   JSON.parse, which runs in this same process, with the size of the JSON)
 *
 * In-process figures (parsing alone, the tree query without HTTP) are printed
 * beside the HTTP ones, to show where the time goes. BENCH_RUNS sets the
 * number of import runs (default 5 for SFIA, 3 for CASE).
 */
import type {
  FrameworkImportCommitResult,
  FrameworkImportPreview,
  FrameworkOutline,
  FrameworkSummary,
  Page,
} from '@proficio/shared/contracts';
import { BUILT_IN_PACKS, parseFramework } from '@proficio/shared/competency';
import { sfiaSkillsCsv } from '@proficio/shared/competency/testing';
import { randomUUID } from 'node:crypto';
import { FrameworkQueryService } from '../src/frameworks/framework-query.service';
import { FrameworkTreeCache } from '../src/frameworks/framework-tree.cache';
import { form, peakRssMb, printTable, Row, row, runBench, sample, timed, type BenchServer } from './support/http-bench';

/** `skills` skills defined at every level, with long texts. */
function sfiaCsv(skills: number): string {
  return sfiaSkillsCsv(
    Array.from({ length: skills }, (_, index) => ({
      code: `B${index}`,
      url: `https://example.org/${`S${String(index).padStart(3, '0')}`.slice(0, 4)}`,
      skill: `Skill ${index}`,
      category: `Category ${index % 6}`,
      subcategory: `Subcategory ${index % 20}`,
      overall: `Overall description of skill ${index}. `.repeat(4),
      guidance: `Guidance for skill ${index}. `.repeat(6),
      levels: [1, 2, 3, 4, 5, 6, 7].map((level) =>
        `At level ${level} the holder of skill ${index} performs duties of growing scope and autonomy. `.repeat(3),
      ),
    })),
  );
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

async function main(bench: BenchServer): Promise<void> {
  const admin = await bench.client('suite.admin@test.local');
  const queries = bench.testApp.app.get(FrameworkQueryService);
  const trees = bench.testApp.app.get(FrameworkTreeCache);
  const rows: Row[] = [];
  const runs = Number(process.env['BENCH_RUNS'] ?? 0);
  console.log(`PostgreSQL: ${bench.postgres}; app on ${bench.baseUrl}`);

  const importOnce = async (format: string, content: string, name: string) => {
    const [preview, previewMs] = await timed(() =>
      admin.call<FrameworkImportPreview>('POST', '/api/frameworks/imports', { form: form({ format }, { file: { content, name } }) }),
    );
    const [commit, commitMs] = await timed(() =>
      admin.call<FrameworkImportCommitResult>('POST', `/api/frameworks/imports/${preview.id}/commit`, { expect: 200 }),
    );
    if (!commit.created) throw new Error(`${name}: the commit wrote nothing`);
    return { preview, commit, previewMs, commitMs };
  };

  // SFIA: every run is a new release of the same framework (a changed text), so every commit writes a version.
  const sfiaRuns = runs || 5;
  const sfiaPreview: number[] = [];
  const sfiaCommit: number[] = [];
  const sfiaTotal: number[] = [];
  let sfiaVersionId = '';
  let sfiaSize = 0;
  for (let run = 0; run <= sfiaRuns; run++) {
    const file = sfiaCsv(150).replace('Overall description of skill 0.', `Overall description of skill 0 (release ${run}).`);
    sfiaSize = file.length;
    const result = await importOnce('sfia-csv', file, 'sfia-9_bench_en.csv');
    sfiaVersionId = result.commit.frameworkVersionId;
    if (run === 0) continue; // warm-up
    sfiaPreview.push(result.previewMs);
    sfiaCommit.push(result.commitMs);
    sfiaTotal.push(result.previewMs + result.commitMs);
  }
  const sfiaParse = await sample(sfiaRuns, async () =>
    parseFramework('sfia-csv', Buffer.from(sfiaCsv(150)), { fileName: 'sfia-9_bench_en.csv' }),
  );
  const sfiaMb = (sfiaSize / 1024 / 1024).toFixed(1);
  rows.push(
    row(`SFIA CSV 150 skills (${sfiaMb} MB): upload + preview`, sfiaPreview),
    row('SFIA CSV: commit', sfiaCommit),
    row('SFIA CSV: preview + commit', sfiaTotal, '< 2000 ms'),
    row('SFIA CSV: parse only, in-process', sfiaParse, '', 'no HTTP, no database'),
  );

  // CASE: every run is a new framework (a new document identifier).
  const caseRuns = runs ? Math.min(runs, 3) : 3;
  const casePreview: number[] = [];
  const caseCommit: number[] = [];
  const caseTotal: number[] = [];
  const caseParse: number[] = [];
  let caseVersionId = '';
  let caseSize = 0;
  for (let run = 0; run < caseRuns; run++) {
    const pkg = casePackage(10_000, 20_000);
    caseSize = pkg.length;
    caseParse.push((await timed(async () => parseFramework('case', Buffer.from(pkg, 'utf8'))))[1]);
    const result = await importOnce('case', pkg, 'bench.case.json');
    caseVersionId = result.commit.frameworkVersionId;
    casePreview.push(result.previewMs);
    caseCommit.push(result.commitMs);
    caseTotal.push(result.previewMs + result.commitMs);
  }
  const caseMb = (caseSize / 1024 / 1024).toFixed(1);
  rows.push(
    row(`CASE 10,000 items + 20,000 assoc. (${caseMb} MB): upload + preview`, casePreview),
    row('CASE: commit', caseCommit),
    row('CASE: preview + commit', caseTotal, '< 15000 ms'),
    row('CASE: parse only, in-process', caseParse, '', 'no HTTP, no database'),
  );
  const importPeak = peakRssMb();

  // Tree reads: the first read (which builds the tree), then after a warm-up 200 reads over HTTP (served kept), and
  // the same in-process.
  const largest = [...BUILT_IN_PACKS].sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0];
  const page = await admin.call<Page<FrameworkSummary>>('GET', '/api/frameworks?pageSize=100');
  const largestId = page.items.find((item) => item.key === largest?.framework.key)?.id;
  if (!largestId) throw new Error('the largest built-in pack is not listed');
  const treeReads: [string, string][] = [
    [`largest built-in pack (${largest?.framework.code})`, largestId],
    ['SFIA bench framework (150 skills)', sfiaVersionId],
    ['CASE bench framework (10,000 items)', caseVersionId],
  ];
  for (const [name, id] of treeReads) {
    const views: [string, string, string][] = [
      ['outline', `/api/frameworks/${id}/outline`, '< 50 ms p95'],
      ['tree', `/api/frameworks/${id}`, ''],
    ];
    for (const [view, path, target] of views) {
      const firstReads = await sample(5, async () => {
        trees.clear();
        await admin.call('GET', path);
      });
      const size = Buffer.byteLength(await admin.call<string>('GET', path, { raw: true })) / 1024 / 1024;
      rows.push(
        row(`${view} of the ${name}, HTTP, first read (builds it)`, firstReads),
        row(`${view} of the ${name}, HTTP`, await sample(200, () => admin.call('GET', path), 20), target),
        row(
          `${view} of the ${name}, HTTP, body not parsed`,
          await sample(200, () => admin.call('GET', path, { raw: true }), 20),
          '',
          `${size.toFixed(2)} MB of JSON`,
        ),
      );
    }
    rows.push(
      row(`tree of the ${name}, in-process`, await sample(200, () => queries.tree(id, {}), 20), '', 'kept tree + JSON.parse, no HTTP'),
    );
    // One competency's levels, as the browser reads them when one is selected: competencies spread over the framework.
    const { competencies } = await admin.call<FrameworkOutline>('GET', `/api/frameworks/${id}/outline`);
    const picks = Array.from({ length: 20 }, (_, index) => competencies[Math.floor((index * competencies.length) / 20)]?.id ?? '');
    rows.push(
      row(
        `one competency of the ${name} (GET /api/competencies/:id), HTTP`,
        await sample(200, (run) => admin.call('GET', `/api/competencies/${picks[run % picks.length]}`), 20),
        '< 50 ms p95',
      ),
    );
  }

  printTable('Framework import, outline, competency and tree reads (HTTP through the real routes, signed in as admin)', rows);
  console.log(`peak RSS after the imports, before the tree reads: ${importPeak.toFixed(0)} MB (target < 500 MB)`);
}

runBench(main);

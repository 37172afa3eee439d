/**
 * `npm run bench:evidence`: evidence files and the reviewer inbox, over HTTP through the real routes
 * (the Nest app as the tests start it, listening on a port, called with fetch).
 *
 *   ten concurrent 10 MB uploads: each completes; the process's resident memory rises by    target < 100 MB
 *   a 10 MB download: time to the first byte, and to the last                               target first byte < 100 ms
 *   the inbox of a manager with 1,000 people in their line, 20,000 evidence items stored    target p95 < 50 ms
 *
 * The upload bodies are generated as they are sent (a stream, never a 10 MB buffer in the client),
 * so the memory measured is the server's. Memory is sampled every 10 ms during the uploads.
 *
 *   BENCH_EVIDENCE     evidence items to generate (default 20,000)
 *   BENCH_LINE         people in the manager's line (default 1,000)
 */
import type { EvidenceFileView, EvidenceSummary, EvidenceView, InboxCounts, Page } from '@proficio/shared/contracts';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { envNumber, printTable, Row, row, sample, runBench, type BenchServer } from './support/http-bench';

const MB = 1024 * 1024;
const RUNS = 200;
const WARM_UP = 20;

/** A multipart body with one file of `size` bytes of text, produced as it is read. */
function multipartStream(size: number, name: string): { stream: ReadableStream<Uint8Array>; boundary: string } {
  const boundary = `bench-${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const block = Buffer.from('Evidence line for the benchmark, plain UTF-8 text.\n'.repeat(1300)).subarray(0, 64 * 1024);
  let sent = -1;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent < 0) {
        controller.enqueue(head);
        sent = 0;
      } else if (sent < size) {
        const part = block.subarray(0, Math.min(block.length, size - sent));
        controller.enqueue(part);
        sent += part.length;
      } else {
        controller.enqueue(tail);
        controller.close();
      }
    },
  });
  return { stream, boundary };
}

async function main(bench: BenchServer): Promise<void> {
  const evidenceCount = envNumber('BENCH_EVIDENCE', 20_000);
  const lineSize = envNumber('BENCH_LINE', 1_000);
  const db = bench.dataSource;
  console.log(`PostgreSQL: ${bench.postgres}`);
  const smp = await bench.testApp.competency('SMP');

  // The organisation: a manager with `lineSize` people below them (ten leads, the rest under the leads), and
  // everyone else in other lines, so that 20,000 items are spread over 5,000 people.
  const total = Math.max(5_000, lineSize + 1);
  const ids = Array.from({ length: total }, () => randomUUID());
  const managers = ids.map((_, n) => {
    if (n === 0) return null;
    if (n <= 10) return ids[0];
    if (n <= lineSize) return ids[1 + (n % 10)];
    // Everyone else: groups of fifty under a head of their own, outside the manager's line.
    const group = lineSize + 1 + 50 * Math.floor((n - lineSize - 1) / 50);
    return n === group ? null : ids[group];
  });
  let started = performance.now();
  await db.transaction(async (manager) => {
    await manager.query(`SELECT set_config('proficio.bulk_line', 'on', true)`);
    await manager.query(
      `INSERT INTO employee (id, email, name, manager_id)
         SELECT id, 'evidence' || n || '@bench.local', 'Person ' || n, manager FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS t(id, manager, n)`,
      [ids, managers, ids.map((_, n) => n)],
    );
    await manager.query(`SELECT set_config('proficio.bulk_line', 'off', true)`);
    await manager.query(`SELECT rebuild_employee_line($1::uuid[])`, [ids]);
  });
  const headEmail = 'evidence0@bench.local';
  const headUser = await bench.testApp.createUser({ email: headEmail, employeeId: ids[0] });
  const inLine = Number((await db.query(`SELECT count(*) AS n FROM employee_line WHERE ancestor_id = $1 AND depth > 0`, [ids[0]]))[0].n);
  // 20,000 items, a quarter waiting for review, each with one revision and one claim.
  await db.query(
    `WITH items AS (
         SELECT gen_random_uuid() AS id, (SELECT array_agg(id) FROM employee WHERE email LIKE 'evidence%@bench.local') AS people, n
         FROM generate_series(1, $1) AS n
       ), inserted AS (
         INSERT INTO evidence (id, employee_id, created_by_user_id, created_at, status, current_revision, submitted_revision, title, submitted_at, updated_at)
         SELECT id, people[1 + (n * 7919) % array_length(people, 1)], $2, now() - n * interval '1 minute',
                CASE WHEN n % 4 = 0 THEN 'submitted' WHEN n % 4 = 1 THEN 'accepted' WHEN n % 4 = 2 THEN 'changes_requested' ELSE 'draft' END,
                1, CASE WHEN n % 4 = 3 THEN NULL ELSE 1 END, 'Bench evidence ' || n,
                CASE WHEN n % 4 = 3 THEN NULL ELSE now() - n * interval '1 minute' END, now()
         FROM items RETURNING id, submitted_at
       ), revisions AS (
         INSERT INTO evidence_revision (evidence_id, number, title, activity_from, narrative, author_user_id, submitted_at)
         SELECT id, 1, 'Bench evidence', current_date - 10, 'What I did.', $2, submitted_at FROM inserted RETURNING evidence_id
       )
       INSERT INTO evidence_claim (evidence_id, revision, position, competency_id, level) SELECT evidence_id, 1, 0, $3, 2 FROM revisions`,
    [evidenceCount, headUser, smp.id],
  );
  await db.query('ANALYZE employee; ANALYZE employee_line; ANALYZE evidence; ANALYZE evidence_claim; ANALYZE evidence_revision');
  const generated = performance.now() - started;
  const waiting = Number(
    (
      await db.query(
        `SELECT count(*) AS n FROM evidence WHERE status = 'submitted' AND employee_id IN (SELECT descendant_id FROM employee_line WHERE ancestor_id = $1 AND depth > 0)`,
        [ids[0]],
      )
    )[0].n,
  );
  console.log(
    `Generated ${total.toLocaleString('en')} people and ${evidenceCount.toLocaleString('en')} evidence items in ${(generated / 1000).toFixed(1)} s; the manager has ${inLine.toLocaleString('en')} people in their line and ${waiting} items waiting`,
  );

  const head = await bench.client(headEmail);
  const rows: Row[] = [];
  rows.push(row('GET /api/inbox (counts)', await sample(RUNS, () => head.call<InboxCounts>('GET', '/api/inbox'), WARM_UP), 'p95 < 50 ms'));
  rows.push(
    row(
      'GET /api/inbox/evidence (first page, 25)',
      await sample(RUNS, () => head.call<Page<EvidenceSummary>>('GET', '/api/inbox/evidence'), WARM_UP),
      'p95 < 50 ms',
    ),
  );
  rows.push(
    row(
      'GET /api/evidence?status=submitted (the line, page 1)',
      await sample(RUNS, () => head.call('GET', '/api/evidence?status=submitted'), WARM_UP),
    ),
  );

  // Uploads: ten people each begin a draft, then all ten upload 10 MB at once.
  const uploaders = await Promise.all(
    Array.from({ length: 10 }, async (_, n) => {
      const email = `uploader${n}.${randomUUID().slice(0, 6)}@bench.local`;
      const employeeId = (
        await bench.testApp
          .http()
          .post('/api/employees')
          .send({ name: `Uploader ${n}`, email })
          .expect(201)
      ).body.id as string;
      await bench.testApp.createUser({ email, employeeId });
      const client = await bench.client(email);
      const { token } = await bench.testApp.signIn(email);
      const draft = await client.call<EvidenceView>('POST', '/api/evidence', {
        body: { employeeId, title: `Upload ${n}`, activityFrom: '2026-01-10', claims: [{ competencyId: smp.id, level: 2 }] },
      });
      return { token, draft };
    }),
  );
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 10);
  started = performance.now();
  const uploadTimes = await Promise.all(
    uploaders.map(async ({ token, draft }, n) => {
      const t0 = performance.now();
      const { stream, boundary } = multipartStream(10 * MB, `report-${n}.txt`);
      const response = await fetch(`${bench.baseUrl}/api/evidence/${draft.id}/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      const body = (await response.json()) as EvidenceFileView;
      if (response.status !== 201 || body.size !== 10 * MB)
        throw new Error(`upload ${n} answered ${response.status}: ${JSON.stringify(body)}`);
      return performance.now() - t0;
    }),
  );
  const uploadsWall = performance.now() - started;
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  rows.push(row('10 concurrent 10 MB uploads (each)', uploadTimes, undefined, `all ten in ${uploadsWall.toFixed(0)} ms`));

  // Downloads: one of the files, 20 times; first byte and last byte.
  const first = uploaders[0];
  const stored = (await db.query(`SELECT id FROM evidence_file WHERE evidence_id = $1`, [first?.draft.id]))[0].id as string;
  const firstByte: number[] = [];
  const whole: number[] = [];
  for (let run = 0; run < 25; run++) {
    const t0 = performance.now();
    const response = await fetch(`${bench.baseUrl}/api/evidence/${first?.draft.id}/files/${stored}`, {
      headers: { authorization: `Bearer ${first?.token}` },
    });
    const reader = response.body?.getReader();
    let bytes = 0;
    let firstAt = 0;
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      if (bytes === 0) firstAt = performance.now() - t0;
      bytes += chunk.value.length;
    }
    if (bytes !== 10 * MB) throw new Error(`download gave ${bytes} bytes`);
    if (run >= 5) {
      firstByte.push(firstAt);
      whole.push(performance.now() - t0);
    }
  }
  rows.push(row('10 MB download: first byte', firstByte, '< 100 ms'));
  rows.push(row('10 MB download: whole file', whole));
  printTable('Evidence (ms)', rows);
  console.log(
    `resident memory during the ten uploads: ${(rssBefore / MB).toFixed(0)} MB before, ${(rssPeak / MB).toFixed(0)} MB at the peak: +${((rssPeak - rssBefore) / MB).toFixed(0)} MB (target < 100 MB)`,
  );
}

runBench(main);

/**
 * `npm run bench:people-import-xlsx`: the memory reading an uploaded workbook takes, for the files
 * of the security issue: (a) 150,000 people in a 2.4 MB .xlsx, refused for its rows; (b) a zip
 * bomb of about 200 KB expanding to 200 MB, refused for its size; and (c) 100,000 people, the most
 * a file may hold, read in full. This process generates the files; each is then read by
 * readPeopleFile in a process of its own (peak RSS only ever grows), which reports its RSS before
 * reading, its peak RSS and the time. BENCH_RUNS runs of each (default 3); the table shows the
 * highest peak and the median time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PeopleFileError, readPeopleFile } from '../src/people-imports/people-import-file';
import { xlsxBomb, xlsxOfPeople } from '../src/people-imports/testing/xlsx-files';

interface Reading {
  rssBefore: number;
  peakRss: number;
  ms: number;
  outcome: string;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** In the child: reads one file and prints what it cost as one line of JSON. */
async function read(path: string): Promise<void> {
  const buffer = readFileSync(path);
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  let outcome: string;
  try {
    outcome = `read ${(await readPeopleFile(buffer)).rows.length.toLocaleString('en')} rows`;
  } catch (error) {
    if (!(error instanceof PeopleFileError)) throw error;
    outcome = `refused (${error.status ?? 422}): ${error.message.slice(0, 70)}…`;
  }
  const ms = performance.now() - start;
  const reading: Reading = { rssBefore, peakRss: process.resourceUsage().maxRSS * 1024, ms, outcome };
  console.log(JSON.stringify(reading));
}

function measure(path: string): Reading {
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--read', path], { encoding: 'utf8', env: process.env });
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !last.startsWith('{')) throw new Error(`reading ${path} failed:\n${child.stdout}\n${child.stderr}`);
  return JSON.parse(last) as Reading;
}

async function main(): Promise<void> {
  const runs = Number(process.env['BENCH_RUNS'] ?? 3);
  const folder = mkdtempSync(join(tmpdir(), 'proficio-xlsx-bench-'));
  try {
    const cases = [
      { name: '(a) 150,000 people', file: await xlsxOfPeople(150_000) },
      { name: '(b) zip bomb, 200 MB unpacked', file: await xlsxBomb(200) },
      { name: '(c) 100,000 people (accepted)', file: await xlsxOfPeople(100_000) },
    ];
    const lines: string[] = [];
    for (const { name, file } of cases) {
      const path = join(folder, `${name.slice(1, 2)}.xlsx`);
      writeFileSync(path, file);
      const readings = Array.from({ length: runs }, () => measure(path));
      const peak = Math.max(...readings.map((reading) => reading.peakRss));
      const before = Math.min(...readings.map((reading) => reading.rssBefore));
      const times = readings.map((reading) => reading.ms).sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)] ?? 0;
      lines.push(
        `${name.padEnd(32)} ${`${(file.length / 1024).toFixed(0)} KB`.padStart(9)}  ${mb(before).padStart(8)}  ${mb(peak).padStart(8)}  ${`+${mb(peak - before)}`.padStart(9)}  ${`${median.toFixed(0)} ms`.padStart(9)}  ${readings[0]?.outcome ?? ''}`,
      );
    }
    console.log(`\nReading uploaded workbooks (readPeopleFile, one process per reading, ${runs} runs each; highest peak, median time)`);
    console.log(
      `${'file'.padEnd(32)} ${'size'.padStart(9)}  ${'RSS before'.padStart(8)}  ${'peak RSS'.padStart(8)}  ${'growth'.padStart(9)}  ${'time'.padStart(9)}  outcome`,
    );
    for (const line of lines) console.log(line);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const [mode, path] = process.argv.slice(2);
(mode === '--read' && path ? read(path) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

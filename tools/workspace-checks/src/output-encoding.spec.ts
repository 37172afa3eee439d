/**
 * Every spreadsheet cell Proficio writes goes through one output encoding
 * (escapeSpreadsheetCell, via writeCsv in @proficio/shared/competency), so
 * that a name such as `=HYPERLINK(...)` is shown as text, not run as a formula.
 * This check fails when code writes CSV or XLSX some other way.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '..', '..', '..');
const THE_WRITER = 'libs/shared/competency/src/lib/formats/shared/csv.ts';
// papaparse's writer, and exceljs's workbook writers (xlsx and csv)
const OTHER_WRITERS = /\bunparse\s*\(|\.(xlsx|csv)\.(write|writeBuffer|writeFile)\s*\(/;

describe('output encoding of spreadsheets', () => {
  const sources = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.mts', '*.mjs', '*.js'], {
    cwd: workspaceRoot,
    encoding: 'utf8',
  })
    .split('\n')
    // what Proficio ships: tests, their fixture builders (`testing/` folders) and benchmarks write files only to feed them back in as inputs
    .filter(
      (path) =>
        path &&
        !/(\.|-)spec\.ts$/.test(path) &&
        !/\/testing\//.test(path) &&
        !/^(tools\/|apps\/api\/(test|bench)\/|apps\/web-e2e\/)/.test(path),
    );

  it('finds the sources it checks', () => {
    expect(sources).toContain(THE_WRITER);
    expect(sources.length).toBeGreaterThan(100);
  });

  it('writes CSV and XLSX only through writeCsv', () => {
    const offenders = sources.filter((path) => path !== THE_WRITER && OTHER_WRITERS.test(readFileSync(join(workspaceRoot, path), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('recognises the writers it forbids', () => {
    expect(OTHER_WRITERS.test('Papa.unparse(rows)')).toBe(true);
    expect(OTHER_WRITERS.test('await workbook.xlsx.writeBuffer()')).toBe(true);
    expect(OTHER_WRITERS.test('await workbook.csv.writeFile(path)')).toBe(true);
    expect(OTHER_WRITERS.test('writeCsv(rows)')).toBe(false);
  });
});

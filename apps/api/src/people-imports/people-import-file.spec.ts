import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { cellText, columnLetter, columnOf, decodeText, PeopleFileError, PeopleFileOptions, readPeopleFile } from './people-import-file';
import { declareSize, xlsxBomb, xlsxOfPeople } from './testing/xlsx-files';

const csv = (text: string) => Buffer.from(text, 'utf8');

async function xlsx(rows: unknown[][], extraSheets = 0): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('People');
  for (const row of rows) sheet.addRow(row);
  for (let index = 0; index < extraSheets; index++) workbook.addWorksheet(`Other ${index}`).addRow(['ignored']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function failure(buffer: Buffer, options?: PeopleFileOptions): Promise<PeopleFileError> {
  const error = await readPeopleFile(buffer, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof PeopleFileError)) throw new Error(`expected a PeopleFileError, got ${String(error)}`);
  return error;
}

describe('columnOf', () => {
  it.each([
    ['Email', 'email'],
    ['E-mail', 'email'],
    ['Full name', 'name'],
    ['Job Title', 'job title'],
    ['job_title', 'job title'],
    ['TEAM-PATH', 'team path'],
    ['Team', 'team path'],
    ['Manager email', 'manager email'],
    ['manager', 'manager email'],
    ['Role profile', 'role profile'],
    ['Salary', undefined],
  ])('reads the header %p as %p', (header, column) => {
    expect(columnOf(header)).toBe(column);
  });
});

it.each([
  [0, 'A'],
  [25, 'Z'],
  [26, 'AA'],
  [701, 'ZZ'],
  [702, 'AAA'],
])('names column %i %s', (index, letters) => {
  expect(columnLetter(index)).toBe(letters);
});

describe('readPeopleFile (CSV)', () => {
  it('reads comma-separated rows with quoted fields, keeping spreadsheet row numbers', async () => {
    const file = await readPeopleFile(
      csv(
        'email,name,job title,manager email\r\nada@example.com,"Lovelace, Ada",Analyst,\r\n\r\n"grace@example.com","Grace ""Amazing"" Hopper","Line one\nline two",ada@example.com\r\n',
      ),
    );
    expect(file.format).toBe('csv');
    expect(file.columns).toEqual(['email', 'name', 'job title', 'manager email']);
    expect(file.rows).toEqual([
      {
        row: 2,
        values: { email: 'ada@example.com', name: 'Lovelace, Ada', 'job title': 'Analyst', 'manager email': '' },
        extraCells: false,
      },
      {
        row: 4,
        values: {
          email: 'grace@example.com',
          name: 'Grace "Amazing" Hopper',
          'job title': 'Line one\nline two',
          'manager email': 'ada@example.com',
        },
        extraCells: false,
      },
    ]);
    expect(file.warnings).toEqual([]);
  });

  it('guesses ";" as the delimiter and drops the UTF-8 byte order mark', async () => {
    const file = await readPeopleFile(csv('\uFEFFEmail;Name;Team path\nzoe@example.com;Zoë Ødegård;Engineering / Service Desk\n'));
    expect(file.columns).toEqual(['email', 'name', 'team path']);
    expect(file.rows[0]?.values).toEqual({ email: 'zoe@example.com', name: 'Zoë Ødegård', 'team path': 'Engineering / Service Desk' });
  });

  it('reads UTF-16 with a byte order mark and, failing UTF-8, Windows-1252 with a warning', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('email\tname\nzoe@example.com\tZoë\n', 'utf16le')]);
    expect((await readPeopleFile(utf16)).rows[0]?.values).toEqual({ email: 'zoe@example.com', name: 'Zoë' });

    const latin = Buffer.from('email,name\nzoe@example.com,Zo\xeb\n', 'latin1');
    const file = await readPeopleFile(latin);
    expect(file.rows[0]?.values.name).toBe('Zoë');
    expect(file.warnings).toEqual([expect.stringContaining('Windows-1252')]);
    expect(decodeText(Buffer.from('plain', 'utf8'))).toEqual({ text: 'plain' });
  });

  it('warns about unknown columns and marks rows with text beyond the header', async () => {
    const file = await readPeopleFile(csv('email,name,salary\nada@example.com,Ada,100,extra\n'));
    expect(file.warnings).toEqual(['Column C ("salary") is not a column Proficio knows; it is ignored.']);
    expect(file.rows[0]).toMatchObject({ values: { email: 'ada@example.com', name: 'Ada' }, extraCells: true });
  });

  it.each([
    ['an empty file', '', /empty/],
    ['only blank lines', '\n\n ,  \n', /empty/],
    ['a header without rows', 'email,name\n', /no people/],
    ['no name column', 'email,title\nada@example.com,x\n', /name is a required column/],
    ['no email column', 'name\nAda\n', /email is a required column/],
    ['a column twice', 'email,name,E-mail\n', /column C is "email" again \(already column A\)/],
    ['an unclosed quote', 'email,name\nada@example.com,"Ada\n', /never closed/],
  ])('refuses %s', async (_, text, message) => {
    expect((await failure(csv(text))).message).toMatch(message);
  });

  it('refuses an old .xls workbook by its content', async () => {
    expect((await failure(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).message).toMatch(/\.xls/);
  });

  it('refuses more than 100,000 rows', async () => {
    const text = `email,name\n${'a@b.co,A\n'.repeat(100_001)}`;
    expect((await failure(csv(text))).message).toMatch(/100,001 rows; at most 100,000/);
  });
});

describe('readPeopleFile (XLSX)', () => {
  it('reads the first worksheet: text, hyperlinks, rich text and formula results', async () => {
    const file = await readPeopleFile(
      await xlsx(
        [
          ['Email', 'Name', 'Job title', 'Manager email'],
          [
            { text: 'ada@example.com', hyperlink: 'mailto:ada@example.com' },
            { richText: [{ text: 'Ada ' }, { text: 'Lovelace' }] },
            42,
            null,
          ],
          ['grace@example.com', { formula: '"Grace"&" Hopper"', result: 'Grace Hopper' }, '', 'ada@example.com'],
        ],
        1,
      ),
    );
    expect(file.format).toBe('xlsx');
    expect(file.rows).toEqual([
      { row: 2, values: { email: 'ada@example.com', name: 'Ada Lovelace', 'job title': '42', 'manager email': '' }, extraCells: false },
      {
        row: 3,
        values: { email: 'grace@example.com', name: 'Grace Hopper', 'job title': '', 'manager email': 'ada@example.com' },
        extraCells: false,
      },
    ]);
    expect(file.warnings).toEqual(['The workbook has 2 worksheets; only the first, "People", was read.']);
  });

  it('reads a workbook as exceljs streams it: text inline, the workbook part after the worksheet', async () => {
    const file = await readPeopleFile(await xlsxOfPeople(2));
    expect(file.rows).toEqual([
      { row: 2, values: { email: 'person1@example.com', name: 'Person 1', 'job title': 'Analyst' }, extraCells: false },
      { row: 3, values: { email: 'person2@example.com', name: 'Person 2', 'job title': 'Analyst' }, extraCells: false },
    ]);
  });

  it('reads dates as YYYY-MM-DD, skips empty rows and keeps the row numbers of the sheet', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('People');
    sheet.getRow(2).values = ['Email', 'Name', 'Job title'];
    sheet.getCell('A3').style = { font: { bold: true } };
    sheet.getRow(4).values = ['ada@example.com', 'Ada', new Date(Date.UTC(2024, 2, 1))];
    sheet.getCell('F4').value = 'beyond the header';
    const file = await readPeopleFile(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(file.rows).toEqual([{ row: 4, values: { email: 'ada@example.com', name: 'Ada', 'job title': '2024-03-01' }, extraCells: true }]);
  });

  it('reads the first worksheet in tab order, whichever part holds it and however its target is written', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Notes').addRow(['ignored']);
    workbook.addWorksheet('People').addRows([
      ['email', 'name'],
      ['ada@example.com', 'Ada'],
    ]);
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const book = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const [notes, people] = book.match(/<sheet [^>]*\/>/g) ?? [];
    zip.file('xl/workbook.xml', book.replace(`${notes}${people}`, `${people}${notes}`));
    const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
    zip.file('xl/_rels/workbook.xml.rels', rels.replaceAll('Target="worksheets/', 'Target="/xl/worksheets/'));
    const file = await readPeopleFile(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(file.rows).toEqual([{ row: 2, values: { email: 'ada@example.com', name: 'Ada' }, extraCells: false }]);
    expect(file.warnings).toEqual(['The workbook has 2 worksheets; only the first, "People", was read.']);
  });

  describe('an archive that expands too far is refused before it is parsed', () => {
    let bomb: Buffer;
    beforeAll(async () => {
      bomb = await xlsxBomb(60);
    }, 60_000);

    it('answers 413 when its parts expand to more than 50 MB, as the central directory declares them', async () => {
      expect(bomb.length).toBeLessThan(100 * 1024);
      const error = await failure(bomb);
      expect(error.message).toMatch(/too large once unpacked: its parts expand to 60 MB, more than the 50 MB allowed/);
      expect(error.status).toBe(413);
    });

    it('answers 422 when a part holds more than it declares', async () => {
      const error = await failure(declareSize(bomb, 'xl/worksheets/sheet1.xml', 1_000));
      expect(error.message).toMatch(/damaged: its part xl\/worksheets\/sheet1\.xml holds more than the 1,000 bytes it declares/);
      expect(error.status).toBe(422);
    });

    it('answers 422 for a part compressed more than 100-fold, however small', async () => {
      const error = await failure(await xlsxBomb(5));
      expect(error.message).toMatch(/cannot be read safely: its part xl\/worksheets\/sheet1\.xml expands [\d,]+-fold \(5 MB\)/);
      expect(error.status).toBe(422);
    });

    it('takes the limit from the setting', async () => {
      const workbook = await xlsxOfPeople(10_000);
      const error = await failure(workbook, { xlsxMaxBytes: 1024 * 1024 });
      expect(error.message).toMatch(/more than the 1 MB allowed/);
      expect(error.status).toBe(413);
      expect((await readPeopleFile(workbook)).rows).toHaveLength(10_000);
    }, 30_000);
  });

  it('stops reading at the first row beyond 100,000 people', async () => {
    const error = await failure(await xlsxOfPeople(100_001));
    expect(error.message).toBe('The file has more than 100,000 rows; at most 100,000 people can be imported at once. Split the file.');
    expect(error.status).toBe(422);
  }, 60_000);

  it('refuses a damaged workbook', async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip')]);
    expect((await failure(broken)).message).toMatch(/cannot be read as an Excel workbook/);
  });

  it.each([
    [null, ''],
    [new Date('2024-03-01T00:00:00Z'), '2024-03-01'],
    [true, 'true'],
    [{ error: '#N/A' }, '#N/A'],
    [{ sharedFormula: 'A1', result: 7 }, '7'],
  ])('reads the cell %p as %p', (value, text) => {
    expect(cellText(value as never)).toBe(text);
  });
});

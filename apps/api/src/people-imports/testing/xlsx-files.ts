/**
 * Workbooks the XLSX reader is tested and measured with (people-import-file.spec.ts and
 * bench/people-import-xlsx.bench.ts), generated in memory: small to keep, however far they expand.
 * Not used by the app.
 */
import { stream, Workbook } from 'exceljs';
import JSZip from 'jszip';
import { PassThrough } from 'node:stream';

/**
 * A header (email, name, job title) and `count` people, written by exceljs's streaming writer: all
 * text inline (no shared strings) and the workbook part after the worksheet, as exceljs streams it.
 */
export async function xlsxOfPeople(count: number): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = new stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  const sheet = writer.addWorksheet('People');
  sheet.addRow(['email', 'name', 'job title']).commit();
  for (let n = 1; n <= count; n++) sheet.addRow([`person${n}@example.com`, `Person ${n}`, 'Analyst']).commit();
  sheet.commit();
  await writer.commit();
  return Buffer.concat(chunks);
}

/**
 * A zip bomb: a valid workbook (a header and one person) whose worksheet part is padded with
 * `megabytes` MB of spaces, which deflate compresses about a thousand-fold (1 KB per MB).
 */
export async function xlsxBomb(megabytes: number): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('People');
  sheet.addRow(['email', 'name']);
  sheet.addRow(['ada@example.com', 'Ada Lovelace']);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const part = 'xl/worksheets/sheet1.xml';
  const xml = (await zip.file(part)?.async('string')) ?? '';
  const at = xml.indexOf('<sheetData>') + '<sheetData>'.length;
  zip.file(part, Buffer.concat([Buffer.from(xml.slice(0, at)), Buffer.alloc(megabytes * 1024 * 1024, ' '), Buffer.from(xml.slice(at))]));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The archive with the size its central directory declares for `path` replaced: a part that lies about what it expands to. */
export function declareSize(archive: Buffer, path: string, size: number): Buffer {
  const copy = Buffer.from(archive);
  const name = Buffer.from(path);
  for (let at = copy.indexOf(name); at >= 0; at = copy.indexOf(name, at + 1)) {
    const record = at - 46;
    if (record >= 0 && copy.readUInt32LE(record) === 0x02014b50) {
      copy.writeUInt32LE(size, record + 24);
      return copy;
    }
  }
  throw new Error(`${path} is not in the archive's central directory`);
}

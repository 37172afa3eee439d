import JSZip from 'jszip';
import { ContentSniffer } from './content-type';

async function sniff(bytes: Buffer, chunkSize = 7): Promise<string | null> {
  const sniffer = new ContentSniffer();
  for (let at = 0; at < bytes.length; at += chunkSize) sniffer.push(bytes.subarray(at, at + chunkSize));
  return sniffer.result();
}

async function zip(entries: string[]): Promise<Buffer> {
  const archive = new JSZip();
  for (const name of entries) archive.file(name, `<xml>${name}</xml>`.repeat(50));
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 1)]);

describe('ContentSniffer', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n', 'latin1'), 'application/pdf'],
    ['a PNG', png, 'image/png'],
    ['a JPEG', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(40)]), 'image/jpeg'],
    ['a WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(30)]), 'image/webp'],
    ['UTF-8 text with accents and tabs', Buffer.from('Situazione:\tho guidato la revisione — città, perché.\r\n'), 'text/plain'],
    ['a short text', Buffer.from('ok'), 'text/plain'],
    ['text with a byte-order mark', Buffer.from('\uFEFFNotes\n'), 'text/plain'],
  ])('recognises %s by its content', async (_name, bytes, expected) => {
    expect(await sniff(bytes)).toBe(expected);
    expect(await sniff(bytes, 1 << 16)).toBe(expected);
  });

  it.each([
    [
      'docx',
      ['[Content_Types].xml', '_rels/.rels', 'word/document.xml'],
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'xlsx',
      ['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'],
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    ['pptx', ['[Content_Types].xml', 'ppt/presentation.xml'], 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['a plain ZIP', ['notes.txt', 'photo.png'], null],
    ['a ZIP with content types but no main part', ['[Content_Types].xml', 'other/thing.xml'], null],
  ])('reads the entries of a ZIP to tell %s', async (_name, entries, expected) => {
    const bytes = await zip(entries);
    expect(await sniff(bytes, 5)).toBe(expected);
    expect(await sniff(bytes, 1 << 16)).toBe(expected);
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['HTML, whatever its name', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>')],
    ['HTML after blank lines', Buffer.from('\n\n  <html><body>hi</body></html>')],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['XML', Buffer.from('<?xml version="1.0"?><a/>')],
    ['binary bytes', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10])],
    ['invalid UTF-8', Buffer.from([0x48, 0x69, 0x20, 0xc3, 0x28, 0x20, 0x74, 0x65, 0x78, 0x74, 0x20, 0x68, 0x65, 0x72, 0x65, 0x2e, 0x0a])],
    ['text that turns binary late', Buffer.concat([Buffer.from('plain words '.repeat(100)), Buffer.from([0x00])])],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
  ])('refuses %s', async (_name, bytes) => {
    expect(await sniff(bytes)).toBeNull();
  });
});

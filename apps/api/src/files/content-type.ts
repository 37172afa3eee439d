import type { EvidenceFileType } from '@proficio/shared/contracts';

/**
 * Recognises a file's type from its bytes as they stream past, never from its name or the type the
 * client declared. Proficio accepts a short, fixed list (PDF, PNG, JPEG, WebP, plain UTF-8 text and
 * the three Office Open XML formats), so the signatures are checked here rather than with a general
 * detector: `file-type` 21 is ESM-only and cannot be loaded by the CommonJS API under jest.
 *
 *   const sniffer = new ContentSniffer();
 *   for await (const chunk of stream) sniffer.push(chunk);
 *   sniffer.result(); // 'application/pdf', …, or null when the content is none of the accepted types
 *
 * - PDF, PNG, JPEG, WebP: by their leading signature.
 * - docx, xlsx, pptx: a ZIP archive (local header signature first) whose entries, read from the
 *   local file headers as they stream, include `[Content_Types].xml` and the format's main part
 *   (`word/document.xml`, `xl/workbook.xml`, `ppt/presentation.xml`). Any other ZIP is refused.
 * - Plain text: the whole file is valid UTF-8 without control characters other than tab, line
 *   feed, carriage return and form feed, and does not start with `<` (HTML, SVG or XML markup,
 *   which a browser could be made to run, is not plain text here).
 */
export class ContentSniffer {
  private head = Buffer.alloc(0);
  private family: 'undecided' | 'signature' | 'zip' | 'text' | 'none' = 'undecided';
  private signatureType: EvidenceFileType | null = null;
  private zipTail = Buffer.alloc(0);
  private readonly zipEntries = new Set<string>();
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private textStart = '';
  private textValid = true;
  private size = 0;

  push(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.family === 'undecided') {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < HEAD_BYTES) return;
      this.decide(this.head);
      this.head = Buffer.alloc(0);
      return;
    }
    this.feed(chunk);
  }

  /** The type, once every byte has been pushed; null when it is none of the accepted types (or empty). */
  result(): EvidenceFileType | null {
    if (this.family === 'undecided') {
      if (this.size === 0) return null;
      this.decide(this.head);
    }
    switch (this.family) {
      case 'signature':
        return this.signatureType;
      case 'zip':
        return officeType(this.zipEntries);
      case 'text':
        return this.textResult();
      default:
        return null;
    }
  }

  private decide(head: Buffer): void {
    this.signatureType = signatureOf(head);
    if (this.signatureType) this.family = 'signature';
    else if (head.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) this.family = 'zip';
    else this.family = 'text';
    this.feed(head);
  }

  private feed(chunk: Buffer): void {
    if (this.family === 'zip') this.scanZip(chunk);
    else if (this.family === 'text' && this.textValid) this.decodeText(chunk, true);
  }

  private scanZip(chunk: Buffer): void {
    const buffer = this.zipTail.length ? Buffer.concat([this.zipTail, chunk]) : chunk;
    let at = buffer.indexOf(ZIP_LOCAL_HEADER);
    while (at >= 0 && this.zipEntries.size < MAX_ZIP_ENTRIES) {
      if (at + 30 > buffer.length) break;
      const nameLength = buffer.readUInt16LE(at + 26);
      const extraLength = buffer.readUInt16LE(at + 28);
      if (at + 30 + nameLength > buffer.length) break;
      this.zipEntries.add(buffer.toString('latin1', at + 30, at + 30 + nameLength));
      at = buffer.indexOf(ZIP_LOCAL_HEADER, at + 30 + nameLength + extraLength);
    }
    // Keep enough of the end to read a header cut in two by the chunk boundary (names seen twice are one entry).
    this.zipTail = Buffer.from(buffer.subarray(Math.max(0, buffer.length - ZIP_CARRY_BYTES)));
  }

  private decodeText(chunk: Buffer, stream: boolean): void {
    try {
      const text = this.decoder.decode(chunk, { stream });
      if (CONTROL_CHARACTERS.test(text)) this.textValid = false;
      if (this.textStart.length < 64) this.textStart += text.slice(0, 64);
    } catch {
      this.textValid = false;
    }
  }

  private textResult(): EvidenceFileType | null {
    if (this.textValid) this.decodeText(Buffer.alloc(0), false);
    if (!this.textValid) return null;
    const start = this.textStart.replace(/^\uFEFF/, '').trimStart();
    if (start === '' || start.startsWith('<')) return null;
    return 'text/plain';
  }
}

/** The leading bytes read before deciding (WebP's signature ends at byte 12). */
const HEAD_BYTES = 16;
const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_CARRY_BYTES = 30 + 1024;
const MAX_ZIP_ENTRIES = 10_000;
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

function signatureOf(head: Buffer): EvidenceFileType | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

function officeType(entries: ReadonlySet<string>): EvidenceFileType | null {
  if (!entries.has('[Content_Types].xml')) return null;
  if (entries.has('word/document.xml')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (entries.has('xl/workbook.xml')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (entries.has('ppt/presentation.xml')) return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  return null;
}

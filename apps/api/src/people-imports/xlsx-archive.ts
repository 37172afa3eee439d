import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { Open, type File as ZipEntry } from 'unzipper';

/** The default ceiling of what the parts of an uploaded .xlsx may expand to (PEOPLE_IMPORT_XLSX_MAX_MB). */
export const DEFAULT_XLSX_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;

/**
 * A part expanding more than 100-fold is a zip bomb, not a spreadsheet (Apache POI's default
 * `ZipSecureFile` ratio); parts under 1 MB are let through whatever their ratio, as they are harmless.
 */
const MAX_RATIO = 100;
const RATIO_GRACE_BYTES = 1024 * 1024;

const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** Why an archive is refused: it would expand beyond the limit (`too-large`, 413), or it cannot be read or trusted (`unreadable`, 422). */
export class XlsxArchiveError extends Error {
  constructor(
    readonly reason: 'too-large' | 'unreadable',
    message: string,
  ) {
    super(message);
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

const unreadable = () =>
  new XlsxArchiveError('unreadable', 'The file cannot be read as an Excel workbook (.xlsx). Save it again from Excel, or as CSV.');

/**
 * An uploaded .xlsx (a zip archive) checked before anything expands it: the sizes its central
 * directory declares for its parts must add up to at most `maxBytes`, and no large part may be
 * compressed unusually tightly. `stream(paths)` then hands a zip parser (exceljs's streaming reader)
 * only the named parts, in the order asked for, after inflating each once to make sure it holds
 * exactly what it declares: a part that lies about its size, or one the central directory does not
 * list, never reaches the parser.
 */
export class XlsxArchive {
  private readonly entries: Map<string, ZipEntry & { end: number }>;
  private readonly verified = new Set<string>();

  private constructor(
    private readonly buffer: Buffer,
    entries: (ZipEntry & { end: number })[],
  ) {
    this.entries = new Map(entries.map((entry) => [entry.path, entry]));
  }

  static async open(buffer: Buffer, maxBytes: number): Promise<XlsxArchive> {
    let files: ZipEntry[];
    let directoryStart: number;
    try {
      const directory = await Open.buffer(buffer);
      files = directory.files;
      directoryStart = directory.offsetToStartOfCentralDirectory;
    } catch {
      throw unreadable();
    }
    const paths = new Set(files.map((file) => file.path));
    const offsets = [...new Set(files.map((file) => file.offsetToLocalFileHeader)), directoryStart].sort((a, b) => a - b);
    const sane = (file: ZipEntry) =>
      Number.isSafeInteger(file.compressedSize) &&
      Number.isSafeInteger(file.uncompressedSize) &&
      file.offsetToLocalFileHeader >= 0 &&
      file.offsetToLocalFileHeader < directoryStart;
    if (paths.size !== files.length || directoryStart > buffer.length || !files.every(sane)) throw unreadable();

    const declared = files.reduce((sum, file) => sum + file.uncompressedSize, 0);
    if (declared > maxBytes) {
      throw new XlsxArchiveError(
        'too-large',
        `The workbook is too large once unpacked: its parts expand to ${megabytes(declared)}, more than the ${megabytes(maxBytes)} allowed. Remove unused sheets, pictures or formatting, or save it as CSV.`,
      );
    }
    const bomb = files.find((file) => file.uncompressedSize > RATIO_GRACE_BYTES && file.uncompressedSize > MAX_RATIO * file.compressedSize);
    if (bomb) {
      throw new XlsxArchiveError(
        'unreadable',
        `The workbook cannot be read safely: its part ${bomb.path} expands ${Math.round(bomb.uncompressedSize / Math.max(bomb.compressedSize, 1)).toLocaleString('en')}-fold (${megabytes(bomb.uncompressedSize)}), far more than a spreadsheet does. Save it again from Excel, or as CSV.`,
      );
    }
    // A part's bytes run from its local header to the next part's (or the central directory):
    // header, compressed data and any data descriptor, as a zip parser reading from the start expects them.
    const next = new Map(offsets.slice(0, -1).map((offset, index) => [offset, offsets[index + 1] ?? directoryStart]));
    const entries = files.map((file) => ({ ...file, end: next.get(file.offsetToLocalFileHeader) ?? directoryStart }));
    return new XlsxArchive(buffer, entries);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** A zip stream of the named parts (those the archive has), in that order, each checked to hold what it declares. */
  async stream(paths: string[]): Promise<Readable> {
    const entries = paths.flatMap((path) => this.entries.get(path) ?? []);
    for (const entry of entries) await this.verify(entry);
    return Readable.from(
      entries.map((entry) => this.buffer.subarray(entry.offsetToLocalFileHeader, entry.end)),
      { objectMode: false },
    );
  }

  /** Inflates the part, keeping none of it, and refuses it unless it yields exactly what it declares. */
  private async verify(entry: ZipEntry): Promise<void> {
    if (this.verified.has(entry.path)) return;
    const header = entry.offsetToLocalFileHeader;
    if (header + 30 > this.buffer.length || this.buffer.readUInt32LE(header) !== LOCAL_HEADER) throw unreadable();
    const start = header + 30 + this.buffer.readUInt16LE(header + 26) + this.buffer.readUInt16LE(header + 28);
    const data = this.buffer.subarray(start, start + entry.compressedSize);
    const encrypted = (entry.flags & 1) === 1;
    if (data.length !== entry.compressedSize || encrypted || ![STORED, DEFLATED].includes(entry.compressionMethod)) throw unreadable();
    const size = entry.compressionMethod === STORED ? data.length : await inflatedSize(data, entry.uncompressedSize);
    if (size !== entry.uncompressedSize) {
      throw new XlsxArchiveError(
        'unreadable',
        `The file is damaged: its part ${entry.path} holds ${size > entry.uncompressedSize ? 'more' : 'less'} than the ${entry.uncompressedSize.toLocaleString('en')} bytes it declares. Save it again from Excel, or as CSV.`,
      );
    }
    this.verified.add(entry.path);
  }
}

/** What raw deflate `data` expands to, inflated a chunk at a time and kept nowhere; stops once past `limit`. */
async function inflatedSize(data: Buffer, limit: number): Promise<number> {
  const inflater = createInflateRaw();
  inflater.end(data);
  let size = 0;
  try {
    for await (const chunk of inflater) {
      size += (chunk as Buffer).length;
      if (size > limit) break;
    }
  } catch {
    throw unreadable();
  }
  return size;
}

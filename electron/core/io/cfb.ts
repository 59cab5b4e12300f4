import { createReadStream } from 'node:fs';

/** What an OLE2 compound file holds, as far as the reader cares. */
export type CfbContent = 'encrypted-ooxml' | 'xls' | 'other';

function utf16(name: string): Buffer {
  return Buffer.from(name, 'utf16le');
}

const ENCRYPTED = utf16('EncryptedPackage');
const ENCRYPTION_INFO = utf16('EncryptionInfo');
const WORKBOOK = utf16('Workbook\0');
const BOOK = utf16('Book\0');

/**
 * Tells apart the two things an OLE2 compound file with a spreadsheet extension usually is: an
 * Excel 97-2003 workbook (a "Workbook" or "Book" stream) or an XLSX/ODS-era workbook encrypted with a
 * password (an "EncryptedPackage" stream). Directory entries are 128 bytes and start on 128-byte
 * boundaries of the file, so only those offsets are compared: no cell content can match by chance.
 */
export async function inspectCfb(path: string): Promise<CfbContent> {
  let found: CfbContent = 'other';
  let carry = Buffer.alloc(0);
  let base = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      let off = (128 - (base % 128)) % 128;
      for (; off + 128 <= buf.length; off += 128) {
        const entry = buf.subarray(off, off + 64);
        if (entry.subarray(0, ENCRYPTED.length).equals(ENCRYPTED) || entry.subarray(0, ENCRYPTION_INFO.length).equals(ENCRYPTION_INFO)) {
          return 'encrypted-ooxml';
        }
        if (entry.subarray(0, WORKBOOK.length).equals(WORKBOOK) || entry.subarray(0, BOOK.length).equals(BOOK)) found = 'xls';
      }
      carry = Buffer.from(buf.subarray(off));
      base += buf.length - carry.length;
    }
  } finally {
    stream.destroy();
  }
  return found;
}

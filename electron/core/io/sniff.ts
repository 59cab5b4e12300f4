import { extname } from 'node:path';

/** What the first bytes of a file say it is. */
export type ContentKind = 'zip' | 'cfb' | 'text' | 'binary';

/** A text encoding the reader decodes. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The encoding a byte-order mark announces, with the mark's length. */
export function bomEncoding(head: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * UTF-16 without a byte-order mark, told by its zero bytes: text in Latin scripts has a zero in
 * every other byte. Returns undefined when the sample does not look like that.
 */
export function bomlessUtf16(sample: Uint8Array): TextEncoding | undefined {
  const n = Math.min(sample.length - (sample.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * Share of bytes that no text table holds: NUL and C0 controls other than tab, newline, form feed
 * and carriage return. Used on the start of a file without a byte-order mark.
 */
export function controlByteShare(sample: Uint8Array): number {
  if (sample.length === 0) return 0;
  let bad = 0;
  for (const b of sample) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) bad++;
    else if (b === 0x7f) bad++;
  }
  return bad / sample.length;
}

/** Classifies a file from its first bytes (a few KB are plenty). */
export function contentKind(head: Uint8Array): ContentKind {
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06)) {
    return 'zip';
  }
  const cfb = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (head.length >= 8 && cfb.every((b, i) => head[i] === b)) return 'cfb';
  if (bomEncoding(head)) return 'text';
  if (bomlessUtf16(head)) return 'text';
  if (head.includes(0)) return 'binary';
  return controlByteShare(head) > 0.01 ? 'binary' : 'text';
}

/** The lower-case extension without its dot ("xlsx"), or "" when there is none. */
export function extensionOf(path: string): string {
  return extname(path).slice(1).toLowerCase();
}

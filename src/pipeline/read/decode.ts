/**
 * Bytes to text, for files from anywhere: UTF-8 with or without BOM, UTF-16 with a BOM, CRLF or
 * CR line endings, invalid UTF-8 decoded as Windows-1252 (the usual culprit) with a warning, and
 * binary files refused.
 */
import { Buffer, isUtf8 } from 'node:buffer';

export type Decoded =
  | { ok: true; text: string; warning?: string }
  | { ok: false; reason: string };

const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');
const windows1252 = new TextDecoder('windows-1252');

/**
 * C0 controls other than tab and line feed, DEL, C1 controls and noncharacters (U+FFFF, U+10FFFE …):
 * invisible, invalid in an HTML page, and not writable as a character reference either (Markdown
 * reads `&#xFFFF;` as U+FFFD), so the page could not show the text the analysis read.
 */
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Noncharacter_Code_Point}/gu;

export function decodeArticle(bytes: Uint8Array): Decoded {
  let text: string;
  let warning: string | undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = utf16le.decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = utf16be.decode(bytes.subarray(2));
  } else {
    // A NUL byte never occurs in text we could show: this is a binary file (image, PDF, archive),
    // or UTF-16 saved without the byte-order mark that would say so.
    if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not an article; if it is UTF-16 text, save it as UTF-8' };
    // Node's own UTF-8 check and decoder (simdutf): a strict TextDecoder took 4% of reading a saved page.
    if (isUtf8(bytes)) text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    else {
      text = windows1252.decode(bytes);
      warning = 'not valid UTF-8; decoded as Windows-1252 (Latin-1): check accented characters';
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n').replace(controls, '');
  return warning ? { ok: true, text, warning } : { ok: true, text };
}

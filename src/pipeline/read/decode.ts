/**
 * Bytes to text, for files from anywhere: UTF-8 with or without BOM, CRLF or CR line endings,
 * invalid UTF-8 decoded as Windows-1252 (the usual culprit) with a warning, binary refused.
 */
export type Decoded =
  | { ok: true; text: string; warning?: string }
  | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le');
const windows1252 = new TextDecoder('windows-1252');

export function decodeArticle(bytes: Uint8Array): Decoded {
  let text: string;
  let warning: string | undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = utf16le.decode(bytes.subarray(2));
  } else {
    // A NUL byte never occurs in text we could show: this is a binary file (image, PDF, archive).
    const head = bytes.subarray(0, 8192);
    if (head.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not an article' };
    try {
      text = utf8.decode(bytes);
    } catch {
      text = windows1252.decode(bytes);
      warning = 'not valid UTF-8; decoded as Windows-1252 (Latin-1): check accented characters';
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  return warning ? { ok: true, text, warning } : { ok: true, text };
}

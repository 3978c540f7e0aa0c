import { describe, expect, test } from 'vitest';
import { decodeArticle } from '../../src/pipeline/read/decode.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = [...(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe])];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out.push(...(bigEndian ? [unit >> 8, unit & 0xff] : [unit & 0xff, unit >> 8]));
  }
  return new Uint8Array(out);
}

describe('decodeArticle', () => {
  test('UTF-8 as it is', () => {
    expect(decodeArticle(bytes('Apple’s “deal” — 阿里巴巴 👍🏽\n'))).toEqual({ ok: true, text: 'Apple’s “deal” — 阿里巴巴 👍🏽\n' });
  });

  test('drops a UTF-8 byte-order mark and turns CRLF and CR into LF', () => {
    expect(decodeArticle(bytes([0xef, 0xbb, 0xbf], 'Title\r\n\r\nOne.\rTwo.\r\n'))).toEqual({ ok: true, text: 'Title\n\nOne.\nTwo.\n' });
  });

  test('reads UTF-16 with a byte-order mark, little- or big-endian', () => {
    expect(decodeArticle(utf16('Café 阿里\r\nok', false))).toEqual({ ok: true, text: 'Café 阿里\nok' });
    expect(decodeArticle(utf16('Café 阿里\r\nok', true))).toEqual({ ok: true, text: 'Café 阿里\nok' });
  });

  test('reads invalid UTF-8 as Windows-1252, with a warning', () => {
    expect(decodeArticle(bytes('Caf', [0xe9], ' in M', [0xfc], 'nchen costs 5 ', [0x80], ' ', [0x93], 'quoted', [0x94]))).toEqual({
      ok: true,
      text: 'Café in München costs 5 € “quoted”',
      warning: 'not valid UTF-8; decoded as Windows-1252 (Latin-1): check accented characters',
    });
  });

  test('refuses a file with a NUL byte anywhere as binary', () => {
    const refusal = { ok: false, reason: 'binary file (contains NUL bytes), not an article; if it is UTF-16 text, save it as UTF-8' };
    expect(decodeArticle(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toEqual(refusal);
    expect(decodeArticle(bytes('a'.repeat(100_000), [0]))).toEqual(refusal);
    // UTF-16 without a byte-order mark: every other byte of ASCII text is NUL.
    expect(decodeArticle(utf16('Text', false).subarray(2))).toEqual(refusal);
  });

  test('drops control characters other than tab and line feed', () => {
    expect(decodeArticle(bytes('Form\u000cfeed\tand \u001b[1mescape\u0007 bell\u007f.\n'))).toEqual({ ok: true, text: 'Formfeed\tand [1mescape bell.\n' });
  });

  test('drops C1 controls and noncharacters, which no page can show as written', () => {
    expect(decodeArticle(bytes('a\u0085b\uFFFFc\u{10FFFE}d\uFDD0e'))).toEqual({ ok: true, text: 'abcde' });
  });

  test('an empty file decodes to empty text (the reader refuses it)', () => {
    expect(decodeArticle(new Uint8Array())).toEqual({ ok: true, text: '' });
  });
});

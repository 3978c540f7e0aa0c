/**
 * A text's language from its script, for articles that do not say theirs (clean) and for the
 * aliases an entity page shows (the site): one test for both.
 */

/** Most scripts of the world in one test; enough to tell the segmenter and Pagefind the language. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 2000);
  const count = (pattern: RegExp) => (sample.match(pattern) ?? []).length;
  const letters = Math.max(1, count(/\p{L}/gu));
  if (count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) / letters > 0.1) return 'ja';
  if (count(/\p{Script=Hangul}/gu) / letters > 0.3) return 'ko';
  if (count(/\p{Script=Han}/gu) / letters > 0.3) return 'zh';
  if (count(/\p{Script=Arabic}/gu) / letters > 0.3) return 'ar';
  if (count(/\p{Script=Hebrew}/gu) / letters > 0.3) return 'he';
  if (count(/\p{Script=Cyrillic}/gu) / letters > 0.3) return 'ru';
  return 'en';
}

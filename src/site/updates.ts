/**
 * What an article added to a topic, in words: the plain text a feed item carries, and the short
 * count the home page gives. Pure functions over the updates the pipeline wrote (`ShownUpdate`).
 */
import type { Linked } from '../core/types.ts';
import type { ShownUpdate } from '../pipeline/emit/topic-view.ts';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** " and 3 more" when a line shows fewer than there are. */
const rest = (shown: number, total: number) => (total > shown ? ` and ${total - shown} more` : '');

/**
 * "New: Apple · market share · China · Q4 2024: 15%. Revised: Alibaba · share price · Hong Kong:
 * HK$124.3 → HK$121. First quoted: Tim Cook." — every value as its article writes it.
 */
export function updateText(update: Pick<Linked<ShownUpdate>, 'added' | 'revised' | 'speakers' | 'counts'>): string {
  const parts: string[] = [];
  if (update.added.length > 0) parts.push(`New: ${update.added.map((a) => `${a.label}: ${a.value.text}`).join('; ')}${rest(update.added.length, update.counts.added)}.`);
  if (update.revised.length > 0) parts.push(`Revised: ${update.revised.map((r) => `${r.label}: ${r.from.text} → ${r.to.text}`).join('; ')}${rest(update.revised.length, update.counts.revised)}.`);
  if (update.speakers.length > 0) parts.push(`First quoted: ${update.speakers.map((s) => s.name).join(', ')}${rest(update.speakers.length, update.counts.speakers)}.`);
  return parts.join(' ');
}

/** "2 new facts, 1 revised figure, 1 new speaker". */
export function updateCounts(counts: ShownUpdate['counts']): string {
  const parts: string[] = [];
  if (counts.added > 0) parts.push(plural(counts.added, 'new fact', 'new facts'));
  if (counts.revised > 0) parts.push(plural(counts.revised, 'revised figure', 'revised figures'));
  if (counts.speakers > 0) parts.push(plural(counts.speakers, 'new speaker', 'new speakers'));
  return parts.join(', ');
}

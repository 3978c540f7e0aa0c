/**
 * Numbers and counts as pages write them, in one place: grouped the British way ("1,234")
 * whatever the machine's locale, so every build prints the same. The search page's script uses
 * it too, so it imports nothing.
 */

/** 1234 → "1,234". */
export const formatNumber = (n: number): string => n.toLocaleString('en-GB');

/** A count and its noun: "1 article", "2 articles", "1,234 stories" (`many` defaults to `one` + "s"). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${formatNumber(n)} ${n === 1 ? one : many}`;

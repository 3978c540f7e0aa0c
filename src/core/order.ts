/**
 * Orders that are the same on every machine. `localeCompare` without a locale sorts by the
 * machine's (under a Lithuanian locale "y" comes between "i" and "j"), so the same content would
 * give other bytes elsewhere: ids, slugs and dates are ordered by their code units, and names a
 * reader scans by one fixed collation.
 */

/** Code-unit order, for ids, slugs (`[a-z0-9-]`) and ISO dates: the order of their characters. */
export const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** English alphabetical order whatever the machine's locale, for names shown in a list (outlets). */
export const byName: (a: string, b: string) => number = new Intl.Collator('en').compare;

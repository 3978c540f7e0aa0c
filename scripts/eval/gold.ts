/**
 * The hand-labelled answers of an evaluation set (`gold.json`), validated with one zod schema.
 * The format is documented in `tests/fixtures/eval/README.md`; in short:
 *
 * - `names` and `markets` map a canonical name to every name that means the same thing (an
 *   entity's aliases, the same noun phrase written another way, a name in another language);
 * - a label that is genuinely ambiguous lists its acceptable answers (`["fiscal Q3 2025", "Q1 2025"]`),
 *   the first being the canonical one; `null` is an answer ("the text does not say");
 * - a figure is found by its article file, its text as written and a snippet of its sentence.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One answer or several acceptable ones, the first canonical. */
const oneOrMore = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);
const nullableName = z.string().min(1).nullable();

const figureSchema = z
  .object({
    /** `<article stem>/<n>`, unique. */
    id: z.string().regex(/^[a-z0-9-]+\/\d+$/),
    file: z.string().min(1),
    /** The figure as written, number and unit, without qualifiers or direction words: `4.2%`, `$10,120`, `7,120万台`. */
    text: z.string().min(1),
    /** Verbatim words of the figure's sentence, found in no other sentence of the article. */
    snippet: z.string().min(1),
    /** Signed: a fall is negative. */
    value: z.number(),
    unit: z.string().min(1),
    /** Keys of `names` (or literal names); null when no one's figure it is. */
    subject: oneOrMore(nullableName),
    measure: oneOrMore(z.string().min(1)),
    /** Normalised period (see the README), or null. */
    period: oneOrMore(nullableName),
    /** Key of `markets`, or null. */
    market: oneOrMore(nullableName),
    occurrence: z.number().int().positive().optional(),
  })
  .strict();

const factSchema = z
  .object({
    id: z.string().min(1),
    /** Figures stating the same quantity (subject, measure, period, market and unit). */
    figures: z.array(z.string()).min(2),
    /** `agree`: two or more independent stories, equal after rounding; `differ`: independent values that do not; `single`: one story (copies). */
    status: z.enum(['agree', 'differ', 'single']),
    /** Independent stories behind the figures. */
    stories: z.number().int().positive(),
    /** The values agree only once rounded (11% and 11.1%). */
    rounded: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();

const quoteSchema = z
  .object({
    file: z.string().min(1),
    /** The opening words of the remark, verbatim. */
    quote: z.string().min(1),
    /** Opening words of the remark's later quoted segments (a remark split by its attribution). */
    parts: z.array(z.string().min(1)).optional(),
    /** Key of `names`. */
    speaker: z.string().min(1),
  })
  .strict();

const articleSchema = z
  .object({
    outlet: z.string().min(1),
    lang: z.string().min(2),
    kind: z.string().min(1),
    topics: z.array(z.string()),
    /** Topics a reader might or might not file the article under: neither right nor wrong. */
    optionalTopics: z.array(z.string()).optional(),
  })
  .strict();

export const goldSchema = z
  .object({
    about: z.string(),
    vocabulary: z.object({ measures: z.array(z.string()).min(1), units: z.array(z.string()).min(1) }).strict(),
    names: z.record(z.string(), z.array(z.string().min(1))),
    markets: z.record(z.string(), z.array(z.string().min(1))),
    articles: z.record(z.string(), articleSchema),
    /**
     * Articles that are one independent story (copies, rewrites, an outlet re-running its own
     * story); an article in none of these is a story of its own.
     */
    stories: z.array(z.object({ id: z.string(), articles: z.array(z.string()).min(2) }).strict()),
    /** Near-duplicate pairs: copied or lightly edited text. */
    duplicates: z.array(z.tuple([z.string(), z.string()])),
    figures: z.array(figureSchema),
    facts: z.array(factSchema),
    quotes: z.array(quoteSchema),
  })
  .strict();

export type Gold = z.infer<typeof goldSchema>;
export type GoldFigure = Gold['figures'][number];
export type GoldFact = Gold['facts'][number];
export type GoldQuote = Gold['quotes'][number];

/** A label's acceptable answers, as a list. */
export function answers<T>(label: T | T[]): T[] {
  return Array.isArray(label) ? label : [label];
}

/** A label's canonical answer: the first acceptable one. */
export function canonical<T>(label: T | T[]): T {
  return answers(label)[0] as T;
}

export function loadGold(path: string): Gold {
  const parsed = goldSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`${path} is not a valid gold file:\n${problems}`);
  }
  return parsed.data;
}

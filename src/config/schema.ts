/**
 * The one schema for everything a user writes: the site config, topic files, the entity
 * gazetteer, the article manifest and article front matter. Each schema documents its fields and
 * defaults; `issues.ts` turns a zod error into one line per problem naming the file, the line, the
 * field and what to do (Starlight's config errors are the model).
 */
import { z } from 'zod';

/** A calendar date as `YYYY-MM-DD`, or a date-time whose date part we keep. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}/, 'expected a date written as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(value.slice(0, 10))), 'not a real calendar date')
  .transform((value) => value.slice(0, 10));

/** Only http(s) links may reach an `href`: a `javascript:` URL in a manifest must never run. */
export const httpUrl = z
  .string()
  // `abort`: a value that is no URL at all gets that one message, not also the protocol's.
  .url({ error: 'expected a full URL such as https://example.com/story', abort: true })
  .refine((value) => /^https?:\/\//i.test(value), 'only http:// and https:// links are allowed');

export const siteConfigSchema = z
  .object({
    /** Shown in the header, the <title> of every page and feeds. */
    title: z.string().min(1).default('Briefings'),
    /** Meta description of the home page. */
    description: z.string().default('Topic briefings built from news articles, every line cited.'),
    /** The public URL the site is served from; enables canonical URLs and absolute links. */
    url: httpUrl.optional(),
    /** BCP 47 language of the site's own text (articles may declare their own). */
    language: z.string().default('en'),
    /** How many articles the home page lists. */
    latestArticles: z.number().int().positive().default(10),
  })
  .strict();
export type SiteConfig = z.infer<typeof siteConfigSchema>;

export const chartSpecSchema = z
  .object({
    /** Stable id, used in links (`#chart-<id>`) and file names of the chart's data. */
    id: z.string().regex(/^[a-z0-9-]+$/, 'use lowercase letters, digits and dashes'),
    title: z.string().min(1),
    type: z.enum(['bar', 'line']).default('bar'),
    /** Which figures may enter the chart: all of these must match a figure exactly. */
    measure: z.string().min(1),
    unit: z.string().default('%'),
    market: z.string().nullable().default(null),
    /** One period (`Q4 2024`) for a chart by subject, or several for a chart over time. */
    periods: z.array(z.string()).min(1),
    /** Subjects (entity names) to chart; all subjects found when omitted. */
    subjects: z.array(z.string()).optional(),
  })
  .strict();
export type ChartSpec = z.infer<typeof chartSpecSchema>;

/**
 * A topic term: a word or phrase, or the same term in several languages (`[market share,
 * 市场份额]`), which match alike and count as one term, shown by the first.
 */
const topicTerm = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
  error: 'expected a term, or a list of the same term in several languages such as [market share, 市场份额]',
});

export const topicSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().default(''),
    /** Lower numbers are listed first. */
    order: z.number().default(100),
    match: z
      .object({
        /** Terms or entity names whose weights must add up to `threshold`. */
        any: z.array(topicTerm).default([]),
        /** Terms or entity names that must all be subjects of the article (title, lead, or named three times). */
        all: z.array(topicTerm).default([]),
        /** Terms or entity names that exclude an article. */
        none: z.array(topicTerm).default([]),
        /**
         * How much evidence of `any` terms an article needs: each distinct term weighs 2 in the
         * title, 1.5 in the lead or named three times, 1 elsewhere.
         */
        threshold: z.number().min(0).default(1),
        /** The market the topic follows: an article must name it at least as prominently as any other place. */
        market: topicTerm.optional(),
        /** Markets that leave an article out when they lead it (named as prominently as any place). */
        excludeMarkets: z.array(topicTerm).default([]),
      })
      .strict(),
    charts: z.array(chartSpecSchema).default([]),
  })
  .strict();
export type TopicConfig = z.infer<typeof topicSchema>;

export const entitySchema = z
  .object({
    name: z.string().min(1),
    type: z.enum(['company', 'person', 'place', 'product', 'organization']),
    /** Other ways articles write the name; matched as whole words. */
    aliases: z.array(z.string().min(1)).default([]),
  })
  .strict();
/** Marks a cross-field issue whose message is a whole sentence naming what it is about (see issues.ts). */
export const SENTENCE = { sentence: true } as const;

/** How names are compared for clashes: entity matching ignores case and spacing too. */
const nameKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The gazetteer as a whole: each name and alias must point to one entity, or a page would read
 * "Huawei, also written … Apple" and mentions of one company would count for another.
 */
export const gazetteerSchema = z.array(entitySchema).superRefine((entities, ctx) => {
  const names = new Map<string, number>();
  entities.forEach((entity, i) => {
    const key = nameKey(entity.name);
    const first = names.get(key);
    if (first === undefined) names.set(key, i);
    else ctx.addIssue({ code: 'custom', params: SENTENCE, path: [i, 'name'], message: `the entity \`${entity.name}\` is listed twice (entries ${first + 1} and ${i + 1}): keep one entry, with the aliases of both` });
  });
  const aliases = new Map<string, number>();
  entities.forEach((entity, i) => {
    entity.aliases.forEach((alias, j) => {
      const key = nameKey(alias);
      const named = names.get(key);
      const other = aliases.get(key);
      if (named !== undefined && named !== i) {
        ctx.addIssue({ code: 'custom', params: SENTENCE, path: [i, 'aliases', j], message: `the alias \`${alias}\` of \`${entity.name}\` is the name of another entity: remove it from \`${entity.name}\`'s aliases` });
      } else if (other !== undefined && other !== i) {
        ctx.addIssue({ code: 'custom', params: SENTENCE, path: [i, 'aliases', j], message: `the alias \`${alias}\` is given to both \`${entities[other]!.name}\` and \`${entity.name}\`: keep it on the one it names` });
      } else aliases.set(key, i);
    });
  });
});
export type EntityConfig = z.infer<typeof entitySchema>;

/** Metadata an article file may lack; keyed by file name in `content/articles/manifest.json`. */
export const articleMetaSchema = z.object({
  title: z.string().min(1).optional(),
  date: isoDate.nullable().optional(),
  source: z.string().min(1).optional(),
  /** The byline: who wrote it, several names joined by commas. */
  author: z.string().min(1).optional(),
  url: httpUrl.optional(),
  lang: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]+)*$/, 'use a language tag such as en or zh-Hans').optional(),
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;
export const manifestSchema = z.record(z.string(), articleMetaSchema.strict());

/**
 * Front matter of a Markdown article. Unknown keys are ignored (blog exports carry dozens), and
 * each known key is checked on its own so one bad field never costs the others.
 */
export const articleFrontMatterFields = {
  title: z.string().min(1),
  date: z.union([isoDate, z.date().transform((d) => d.toISOString().slice(0, 10))]),
  source: z.string().min(1),
  // Several authors are a list (`author: [A, B]`): one byline, the names joined by commas.
  author: z.union([z.string().min(1), z.array(z.string().min(1)).min(1).transform((names) => names.join(', '))]),
  url: httpUrl,
  // Blog exports often write `lang: [en]`: a list of one language is that language.
  lang: z.union([
    articleMetaSchema.shape.lang.unwrap(),
    z.array(articleMetaSchema.shape.lang.unwrap()).min(1).transform((langs) => langs[0] as string),
  ]),
} as const;

/**
 * The one schema for everything a user writes: the site config, topic files, the entity
 * gazetteer, the article manifest and article front matter. Each schema documents its fields and
 * defaults; `formatIssues` turns a zod error into one line per problem naming the file, the field
 * and what to do (Starlight's config errors are the model).
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
  .url('expected a full URL such as https://example.com/story')
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

export const topicSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().default(''),
    /** Lower numbers are listed first. */
    order: z.number().default(100),
    match: z
      .object({
        /** Terms or entity names of which enough must appear (see `threshold`). */
        any: z.array(z.string().min(1)).default([]),
        /** Terms or entity names that must all appear. */
        all: z.array(z.string().min(1)).default([]),
        /** Terms or entity names that exclude an article. */
        none: z.array(z.string().min(1)).default([]),
        /** How many distinct `any` terms an article needs to belong. */
        threshold: z.number().int().min(0).default(1),
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
export const gazetteerSchema = z.array(entitySchema);
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

export interface Issue {
  file: string;
  field?: string;
  line?: number;
  message: string;
}

/** One line per zod issue: which field, what is wrong, how to fix it. */
export function formatIssues(error: z.ZodError, file: string): Issue[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : undefined;
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}: remove or rename ${issue.keys.length > 1 ? 'them' : 'it'}`;
    } else if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) {
      message = `missing: add \`${String(issue.path.at(-1) ?? 'it')}: …\`${field && field.includes('.') ? ` under \`${issue.path.slice(0, -1).join('.')}\`` : ''}`;
    } else if (issue.code === 'invalid_type') {
      message = `${issue.message}: fix the value's type`;
    }
    return { file, field, message };
  });
}

/**
 * Naming, the one thing the scorer forgives: "Huawei" and "huawei", "Los Cóndores" and "Los
 * Condores", "the data-centre business" and "data-centre business", "Alibaba" and "阿里巴巴" are the
 * same answer. A different entity, measure or period never is.
 */
import type { EntityConfig } from '../../src/config/schema.ts';
import { answers, type Gold } from './gold.ts';

/**
 * The form two names are compared in: Unicode-normalised, accents dropped, lowercase, one kind of
 * dash and apostrophe, single spaces, without a leading "the" or a trailing possessive.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/'s$/, '');
}

/** Text compared for containment (snippets, quotes): the same forms of quotes, dashes and spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[“”„«»]/g, '"')
    .replace(/[’‘]/g, "'")
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Namer {
  /** Every normalised name that answers for one of the labels. */
  acceptable(labels: readonly (string | null)[], dictionary: 'names' | 'markets'): Set<string>;
}

/**
 * Names of a label: the gold file's list for it (or the label itself), widened by the entities
 * file: an entity any of whose names is among them brings all its names (its aliases).
 */
export function namer(gold: Pick<Gold, 'names' | 'markets'>, entities: readonly EntityConfig[]): Namer {
  const entityNames = entities.map((entity) => [entity.name, ...entity.aliases].map(normaliseName));
  return {
    acceptable(labels, dictionary) {
      const found = new Set<string>();
      for (const label of labels) {
        if (label === null) continue;
        for (const name of [label, ...(gold[dictionary][label] ?? [])]) found.add(normaliseName(name));
      }
      for (const names of entityNames) if (names.some((name) => found.has(name))) for (const name of names) found.add(name);
      return found;
    },
  };
}

/**
 * Whether a predicted name answers a label given as one or several acceptable answers, null
 * among them when "no answer" is right.
 */
export function nameMatches(predicted: string | null, label: string | null | (string | null)[], dictionary: 'names' | 'markets', names: Namer): boolean {
  const options = answers(label);
  if (predicted === null) return options.includes(null);
  return names.acceptable(options, dictionary).has(normaliseName(predicted));
}

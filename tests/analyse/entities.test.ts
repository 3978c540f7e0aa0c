import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gazetteerSchema } from '../../src/config/schema.ts';
import { compileGazetteer, consolidateEntities, entitiesIn, entitySlug, findEntities, subjectAliases } from '../../src/pipeline/analyse/entities.ts';
import { recogniseNames } from '../../src/pipeline/analyse/ner.ts';
import type { AnalysedArticle, Figure, Sentence, SentenceId, Slug } from '../../src/core/types.ts';
import { sample, sampleGazetteer } from '../fixtures/analyse/samples.ts';

const gazetteer = compileGazetteer(
  gazetteerSchema.parse(JSON.parse(readFileSync(new URL('../fixtures/analyse/gazetteer.json', import.meta.url), 'utf8'))),
);

/** The names found in `text`, as `alias@start→canonical name`. */
const found = (text: string, g = gazetteer) => entitiesIn(text, g).map((m) => `${m.alias}@${m.start}→${m.entity.name}`);

const sentences = (...texts: string[]): Sentence[] =>
  texts.map((text, i) => ({ id: `s-${i}` as SentenceId, text, block: 0, heading: false }));

describe('compileGazetteer', () => {
  it('gives each entity the slug of its name, and a hash when the name has no Latin letters', () => {
    const g = compileGazetteer([
      { name: 'Joe Tsai', type: 'person', aliases: [] },
      { name: '阿里巴巴', type: 'company', aliases: [] },
    ]);
    expect(g.entities.map((e) => e.slug)).toEqual(['joe-tsai', expect.stringMatching(/^entity-[0-9a-z]{7}$/)]);
  });

  it('leaves a shared alias to the entity listed first', () => {
    const g = compileGazetteer([
      { name: 'Apple', type: 'company', aliases: ['AAPL'] },
      { name: 'Apple Stock', type: 'product', aliases: ['AAPL'] },
    ]);
    expect(found('AAPL rose.', g)).toEqual(['AAPL@0→Apple']);
  });

  it('matches nothing with an empty gazetteer', () => {
    expect(found('Apple and Alibaba', compileGazetteer([]))).toEqual([]);
  });
});

describe('entitiesIn', () => {
  it('prefers the longest alias at a place: a product is not also its maker', () => {
    expect(found('Apple Intelligence reached Greater China.')).toEqual([
      'Apple Intelligence@0→Apple Intelligence',
      'Greater China@27→Greater China',
    ]);
  });

  it('resolves aliases to the canonical name, with offsets into the text', () => {
    expect(found('Joseph Tsai and Tsai’s chairman role at Alibaba Group')).toEqual([
      'Joseph Tsai@0→Joe Tsai',
      'Tsai@16→Joe Tsai',
      'Alibaba Group@40→Alibaba',
    ]);
  });

  it('matches whole words only, case-sensitively', () => {
    expect(found('Pineapple, Applesauce, apple, Cookies and USB are not names; Cook is.')).toEqual(['Cook@61→Tim Cook']);
  });

  it('needs no boundary beside an alias’s own punctuation', () => {
    expect(found('U.S., US-based and Apple Inc., too')).toEqual([
      'U.S.@0→United States',
      'US@6→United States',
      'Apple Inc.@19→Apple',
    ]);
  });

  it('finds CJK names inside unspaced text, and Latin names beside CJK characters', () => {
    expect(found('阿里巴巴集团与中国的Apple合作，蔡崇信说')).toEqual([
      '阿里巴巴@0→Alibaba',
      '中国@7→China',
      'Apple@10→Apple',
      '蔡崇信@18→Joe Tsai',
    ]);
  });

  it('falls back to a shorter alias when the longest is not a whole word there', () => {
    const g = compileGazetteer([
      { name: 'Apple', type: 'company', aliases: [] },
      { name: 'Apple Pay', type: 'product', aliases: [] },
    ]);
    expect(found('Apple Payments and Apple Pay', g)).toEqual(['Apple@0→Apple', 'Apple Pay@19→Apple Pay']);
  });
});

describe('findEntities', () => {
  it('lists each entity once with the sentences naming it in order, most mentioned first, then by name', () => {
    const article = {
      sentences: sentences(
        'Apple and Alibaba signed a deal in China.',
        'Tsai said Apple chose Alibaba; Apple agreed.',
        'Joe Tsai spoke in China.',
        'Omdia was not asked.',
      ),
    };
    expect(findEntities(article, gazetteer)).toEqual([
      { entity: 'alibaba', name: 'Alibaba', type: 'company', sentences: ['s-0', 's-1'] },
      { entity: 'apple', name: 'Apple', type: 'company', sentences: ['s-0', 's-1'] },
      { entity: 'china', name: 'China', type: 'place', sentences: ['s-0', 's-2'] },
      { entity: 'joe-tsai', name: 'Joe Tsai', type: 'person', sentences: ['s-1', 's-2'] },
      { entity: 'omdia', name: 'Omdia', type: 'organization', sentences: ['s-3'] },
    ]);
  });

  it('finds the people of sample 003 through their aliases', () => {
    const article = sample('003');
    const entities = findEntities(article, sampleGazetteer);
    const sentenceOf = (id: string) => article.sentences.find((s) => s.id === id)?.text;
    const tsai = entities.find((e) => e.name === 'Joe Tsai');
    expect(tsai?.sentences.map(sentenceOf)).toEqual([
      'Apple “talked to a number of companies in China,” Alibaba chairperson Joseph Tsai stated during Dubai’s World Government Summit.',
    ]);
    expect(entities.find((e) => e.name === 'Tim Cook')?.sentences.map(sentenceOf)).toEqual([
      'Ahead of the company’s most recent earnings call, CEO Tim Cook cited the absence of Apple Intelligence, the company’s in-house generative AI solution, as a contributing factor in slowing international sales.',
      'Cook donated $1 million to Trump’s inaugural committee in January.',
    ]);
    expect(entities.slice(0, 5).map((e) => [e.name, e.sentences.length])).toEqual([
      ['Apple', 16],
      ['China', 7],
      ['Alibaba', 6],
      ['iPhone', 4],
      ['Apple Intelligence', 3],
    ]);
  });

  it('counts Apple Intelligence apart from Apple in sample 000', () => {
    const entities = findEntities(sample('000'), sampleGazetteer);
    expect(entities.slice(0, 4).map((e) => [e.name, e.sentences.length])).toEqual([
      ['Apple', 16],
      ['China', 14],
      ['Alibaba', 13],
      ['Joe Tsai', 3],
    ]);
    expect(entities.find((e) => e.name === 'Apple Intelligence')?.sentences).toHaveLength(1);
  });
});

describe('subjectAliases', () => {
  it('maps the names and aliases of companies and organisations to the canonical name', () => {
    expect([...subjectAliases(gazetteer)]).toEqual([
      ['Apple', 'Apple'],
      ['Apple Inc.', 'Apple'],
      ['Alibaba', 'Alibaba'],
      ['Alibaba Group', 'Alibaba'],
      ['阿里巴巴', 'Alibaba'],
      ['Omdia', 'Omdia'],
    ]);
  });
});

describe('findEntities with the names found in the text', () => {
  it('lists a name the gazetteer lacks under the slug of its name, and a listed one under its entity', () => {
    const ner = compileGazetteer(gazetteerSchema.parse(JSON.parse(readFileSync(new URL('../fixtures/ner/gazetteer.json', import.meta.url), 'utf8'))));
    const doc = { lang: 'en', sentences: sentences('Royal Dutch Shell sold a stake to Apple Inc.', 'Shell said Apple paid $2bn.') };
    expect(findEntities(doc, ner, recogniseNames(doc, ner))).toEqual([
      { entity: 'apple', name: 'Apple', type: 'company', sentences: ['s-0', 's-1'], forms: ['Apple Inc.'] },
      { entity: 'royal-dutch-shell', name: 'Royal Dutch Shell', type: 'organization', sentences: ['s-0', 's-1'], forms: ['Shell'] },
    ]);
  });
});

describe('consolidateEntities', () => {
  const listed = compileGazetteer([{ name: 'Apple', type: 'company', aliases: ['苹果'] }]);
  const source = (article: string) => ({ article: article as Slug, sentence: 's-0' as SentenceId, quote: 'q' });
  const figure = (article: string, subject: string): Figure => ({
    id: `${subject.toLowerCase().replace(/\W+/g, '-')}-profit-usd-abc1234`,
    text: '$1bn',
    value: 1e9,
    unit: 'USD',
    subject,
    measure: 'profit',
    period: null,
    market: null,
    sources: [source(article)],
  });
  const analysed = (slug: string, entities: [name: string, type: string, forms?: string[]][], figures: Figure[] = [], speakers: string[] = []): AnalysedArticle =>
    ({
      slug,
      sentences: [{ id: 's-0', text: 'x', block: 0, heading: false }],
      entities: entities.map(([name, type, forms]) => ({ entity: name === 'Apple' ? 'apple' : entitySlug(name), name, type, sentences: ['s-0'], ...(forms ? { forms } : {}) })),
      figures,
      quotes: speakers.map((speaker) => ({ text: 'q', speaker, sources: [source(slug)] })),
    }) as unknown as AnalysedArticle;

  it('makes one entity of a name and its short or suffixed forms across articles, and renames subjects and speakers', () => {
    const articles = [
      // An article that writes the long names in short too: the evidence that they are one.
      analysed('a', [['Royal Dutch Shell', 'company', ['Shell']], ['Jeroen van der Veer', 'person', ['Veer']]]),
      analysed('b', [['Shell', 'organization'], ['Veer', 'person']], [figure('b', 'Shell')], ['Veer']),
      analysed('c', [['Apple Inc.', 'company'], ['Apple', 'company']], [figure('c', 'Apple Inc.')]),
    ];
    const { changed } = consolidateEntities(articles, listed);
    expect(articles.map((a) => a.entities.map((e) => `${e.entity}:${e.name}/${e.type}`))).toEqual([
      ['jeroen-van-der-veer:Jeroen van der Veer/person', 'royal-dutch-shell:Royal Dutch Shell/company'],
      ['jeroen-van-der-veer:Jeroen van der Veer/person', 'royal-dutch-shell:Royal Dutch Shell/company'],
      ['apple:Apple/company'],
    ]);
    expect(articles[1]?.figures.map((f) => [f.subject, f.id])).toEqual([['Royal Dutch Shell', 'royal-dutch-shell-profit-usd-abc1234']]);
    expect(articles[1]?.quotes.map((q) => q.speaker)).toEqual(['Jeroen van der Veer']);
    expect(articles[2]?.figures.map((f) => [f.subject, f.id])).toEqual([['Apple', 'apple-profit-usd-abc1234']]);
    expect([...changed.keys()]).toEqual(['a', 'b', 'c']);
  });

  it('keeps a name found in one article only out of the entity lists, and a gazetteer entity always', () => {
    const articles = [analysed('a', [['Apple', 'company'], ['Kettle', 'company']]), analysed('b', [['Harbour Foods', 'company']])];
    consolidateEntities(articles, listed);
    expect(articles.map((a) => a.entities.map((e) => e.name))).toEqual([['Apple'], []]);
  });

  it('leads a one-word name to no longer one that no article writes so', () => {
    const articles = [analysed('a', [['Delta', 'company']]), analysed('b', [['Camp Delta', 'organization']]), analysed('c', [['Delta', 'company'], ['Camp Delta', 'organization']])];
    consolidateEntities(articles, listed);
    expect(articles[2]?.entities.map((e) => e.name).sort()).toEqual(['Camp Delta', 'Delta']);
  });

  it('leads no one-word name to a longer one it begins, nor a place to an organisation', () => {
    const articles = [
      analysed('a', [['Vodafone', 'organization'], ['Singapore', 'place']]),
      analysed('b', [['Vodafone KK', 'company'], ['Singapore Airlines', 'company']]),
      analysed('c', [['Vodafone', 'organization'], ['Vodafone KK', 'company'], ['Singapore', 'place'], ['Singapore Airlines', 'company']]),
    ];
    consolidateEntities(articles, listed);
    expect(articles[2]?.entities.map((e) => e.name).sort()).toEqual(['Singapore', 'Singapore Airlines', 'Vodafone', 'Vodafone KK']);
  });

  it('leads a company\'s name to the one longer name that adds only its trade, never to a unit\'s', () => {
    const articles = [
      analysed('a', [['Samsung', 'organization'], ['GE', 'organization']], [figure('a', 'Samsung')]),
      analysed('b', [['Samsung Electronics', 'company'], ['GE Capital', 'company']]),
      analysed('c', [['Samsung', 'organization'], ['GE', 'organization'], ['GE Capital', 'company']]),
    ];
    consolidateEntities(articles, listed);
    expect(articles[0]?.figures.map((f) => f.subject)).toEqual(['Samsung Electronics']);
    expect(articles[2]?.entities.map((e) => e.name).sort()).toEqual(['GE', 'GE Capital', 'Samsung Electronics']);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gazetteerSchema } from '../../src/config/schema.ts';
import { compileGazetteer, type Gazetteer } from '../../src/pipeline/analyse/entities.ts';
import { extractFigures, factKey } from '../../src/pipeline/analyse/figures.ts';
import { englishName } from '../../src/pipeline/analyse/market-names.ts';
import { recogniseNames } from '../../src/pipeline/analyse/ner.ts';
import { shortHash } from '../../src/pipeline/clean/sentences.ts';
import type { Figure, Sentence, Slug } from '../../src/core/types.ts';
import { article, sampleArticles, sampleSubjects } from '../fixtures/figures/articles.ts';
import cases from '../fixtures/figures/cases.json' with { type: 'json' };
import samples from '../fixtures/figures/samples.json' with { type: 'json' };

const subjects = sampleSubjects();
const options = { subjects };
/** What a figure says, as the fixtures write it: text, value, unit, subject, measure, period, market. */
const described = (figures: Figure[]) => figures.map((f) => [f.text, f.value, f.unit, f.subject, f.measure, f.period, f.market]);
const nerGazetteer = compileGazetteer(gazetteerSchema.parse(JSON.parse(readFileSync(new URL('../fixtures/ner/gazetteer.json', import.meta.url), 'utf8'))));
/** What `extractFigures` reads in an article of paragraphs, with the names the recogniser finds there. */
const readerWith =
  (gazetteer: Gazetteer) =>
  (lang: string, date: string | null, paragraphs: string[][]) => {
    const doc = { ...article('fixture', date, paragraphs), lang };
    return described(extractFigures(doc, { subjects: new Map(), names: recogniseNames(doc, gazetteer) }));
  };

describe('extractFigures on small articles', () => {
  it.each(cases)('$name', ({ date, paragraphs, figures }) => {
    expect(described(extractFigures(article('fixture', date, paragraphs), options))).toEqual(figures);
  });

  it('cites the whole sentence with a link that lands on it', () => {
    const doc = article('fixture', null, [['Intro.'], ['Vivo held 17% market share.']]);
    const [figure] = extractFigures(doc, options);
    expect(figure?.sources).toEqual([
      { article: 'fixture', sentence: doc.sentences[1]!.id, quote: 'Vivo held 17% market share.' },
    ]);
  });

  it('skips headings', () => {
    const doc = article('fixture', null, [['Apple’s share fell to 15% market share']]);
    doc.sentences[0]!.heading = true;
    expect(extractFigures(doc, options)).toEqual([]);
  });

  it('matches subjects by alias, case-sensitively', () => {
    const doc = article('fixture', null, [['Alibaba Group shares rose 3%, and alibaba shares rose 4%.']]);
    expect(extractFigures(doc, options).map((f) => f.subject)).toEqual(['Alibaba', 'Alibaba']);
    const lower = article('fixture', null, [['alibaba shares rose 4%.']]);
    expect(extractFigures(lower, options).map((f) => f.subject)).toEqual([null]);
  });
});

describe('figure ids', () => {
  const paragraph = ['Vivo held 17% market share in China in 2024.', 'Huawei held 16% market share.'];

  it('are the fact key and a hash of file, sentence and text, whatever the slug', () => {
    const doc = article('fixture', null, [paragraph]);
    const ids = extractFigures(doc, options).map((f) => f.id);
    expect(ids).toEqual(['vivo-market-share-china-2024-pct-05dakrx', 'huawei-market-share-china-2024-pct-11y4chg']);
    expect(ids[0]).toBe(`vivo-market-share-china-2024-pct-${shortHash(`fixture.txt\n${doc.sentences[0]!.id}\n17%`)}`);
    expect(extractFigures({ ...doc, slug: 'another-slug' as Slug }, options).map((f) => f.id)).toEqual(ids);
  });

  it('do not depend on what comes before in the article', () => {
    const alone = extractFigures(article('fixture', null, [paragraph]), options);
    const later = extractFigures(article('fixture', null, [['A new first paragraph, with 3% in it.'], paragraph]), options);
    expect(later.slice(1).map((f) => f.id)).toEqual(alone.map((f) => f.id));
  });

  it('tell apart the same text twice in one sentence', () => {
    const figures = extractFigures(article('fixture', null, [['Apple shares rose 2% on Monday and 2% on Tuesday.']]), options);
    expect(figures.map((f) => f.text)).toEqual(['rose 2%', '2%']);
    expect(new Set(figures.map((f) => f.id)).size).toBe(2);
  });

  it('slug the fact key from subject, measure, market, period and unit, leaving unknowns out', () => {
    expect(factKey({ subject: 'Vivo', measure: 'market share', market: 'China', period: 'Q4 2024', unit: '%' })).toBe(
      'vivo-market-share-china-q4-2024-pct',
    );
    expect(factKey({ subject: null, measure: 'donation', market: null, period: 'January 2025', unit: 'USD' })).toBe('donation-january-2025-usd');
  });
});

describe('extractFigures on the sample articles', () => {
  const articles = sampleArticles();
  const figuresOf = (file: string) => extractFigures(articles.get(file)!, options);

  it.each(Object.entries(samples))('%s', (file, expected) => {
    expect(described(figuresOf(file))).toEqual(expected);
  });

  it('quotes every sentence verbatim and every figure as written in it', () => {
    for (const doc of articles.values()) {
      const sentences = new Map(doc.sentences.map((s) => [s.id as string, s.text]));
      for (const figure of extractFigures(doc, options)) {
        expect(figure.sources).toHaveLength(1);
        const [source] = figure.sources;
        expect(source!.article).toBe(doc.slug);
        expect(source!.quote).toBe(sentences.get(source!.sentence));
        expect(source!.quote).toContain(figure.text);
      }
    }
  });

  it('gives every figure a unique id, the same on every run', () => {
    const ids = [...articles.keys()].flatMap((file) => figuresOf(file).map((f) => f.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...articles.keys()].flatMap((file) => figuresOf(file).map((f) => f.id))).toEqual(ids);
    expect(ids.filter((id) => id.startsWith('vivo-market-share-china-q4-2024-pct-'))).toHaveLength(1);
  });

  it('reads no figure from model names or product numbers', () => {
    const texts = [...articles.keys()].flatMap((file) => figuresOf(file).map((f) => f.text));
    for (const name of ['2.5', 'V3', '16 family', '60']) expect(texts.some((text) => text.includes(name))).toBe(false);
  });
});

describe("a figure's meaning from its sentence, with the names found in the text", () => {
  const read = readerWith(nerGazetteer);

  it('takes a subject the gazetteer lacks, never the firm that reported the figure', () => {
    expect(
      read('en', '2025-02-14', [
        ['Royal Dutch Shell said on Tuesday that its profits rose 5% to $4.2bn.', 'The company would invest $15bn.'],
        ["Canalys said Huawei's share rose to 16% in China in the fourth quarter."],
        ['Quarterly sales at Nokia fell 9%, said Anna Berg, an analyst at Canalys.'],
      ]),
    ).toEqual([
      ['rose 5%', 5, '%', 'Royal Dutch Shell', 'profit change', null, null],
      ['$4.2bn', 4200000000, 'USD', 'Royal Dutch Shell', 'profit', null, null],
      ['$15bn', 15000000000, 'USD', 'Royal Dutch Shell', 'investment', null, null],
      ['16%', 16, '%', 'Huawei', 'market share', 'Q4 2024', 'China'],
      ['fell 9%', -9, '%', 'Nokia', 'sales change', 'Q4 2024', 'China'],
    ]);
  });

  it('reads a company by its full name where the article first named it with its trade ("Parrow Bakeries", then "Parrow")', () => {
    expect(
      read('en', '2025-10-14', [['Lindqvist Foods has agreed to buy Parrow Bakeries for £1.4 billion.'], ['Parrow shares jumped 34% to 405p.']]),
    ).toEqual([
      ['£1.4 billion', 1400000000, 'GBP', 'Lindqvist Foods', 'deal value', null, null],
      ['jumped 34%', 34, '%', 'Parrow Bakeries', 'stock change', '2025-10-14', 'United Kingdom'],
      ['405p', 4.05, 'GBP', 'Parrow Bakeries', 'share price', '2025-10-14', 'United Kingdom'],
    ]);
  });

  it('reads 大增 and 降 as moves, and 小米 before its shipments as the company', () => {
    expect(
      read('zh', '2025-08-12', [['2025年第二季度中国平板电脑市场出货量同比增长9%。'], ['小米出货量同比大增41%，市场份额升至16.2%。苹果出货量同比降6%。']]),
    ).toEqual([
      ['同比增长9%', 9, '%', 'China tablet market', 'shipments change', 'Q2 2025', 'China'],
      ['同比大增41%', 41, '%', 'Xiaomi', 'shipments change', 'Q2 2025', 'China'],
      ['16.2%', 16.2, '%', 'Xiaomi', 'market share', 'Q2 2025', 'China'],
      ['同比降6%', -6, '%', 'Apple', 'shipments change', 'Q2 2025', 'China'],
    ]);
  });

  it('reads a Chinese company name the tagger splits into an unknown word and a noun ("宁川/x 电池/n") as one name', () => {
    expect(read('zh', '2025-10-28', [['宁川电池周二公布，第三季度营收为412亿元。'], ['受业绩提振，宁川电池股价周二收涨5.2%。']])).toEqual([
      ['412亿元', 41200000000, 'CNY', '宁川电池', 'revenue', 'Q3 2025', null],
      ['收涨5.2%', 5.2, '%', '宁川电池', 'stock change at close', '2025-10-28', null],
    ]);
  });

  it("gives a product's price to the product, without the verb after it (\"the price of a smartwatch rose\")", () => {
    expect(read('en', '2025-05-20', [['The average selling price of a smartwatch rose 11% to $24 in India in the first quarter.']])).toEqual([
      ['rose 11%', 11, '%', 'smartwatches', 'price change', 'Q1 2025', 'India'],
      ['$24', 24, 'USD', 'smartwatches', 'price', 'Q1 2025', 'India'],
    ]);
  });

  it('gives the period of a sentence to every figure it governs, and a left-out verb to the figure after it', () => {
    expect(read('en', '2025-02-14', [['In the fiscal first quarter, Apple’s revenue fell 11% to $18.5 billion and iPhone sales 9%.']])).toEqual([
      ['fell 11%', -11, '%', 'Apple', 'revenue change', 'fiscal Q1 2025', null],
      ['$18.5 billion', 18500000000, 'USD', 'Apple', 'revenue', 'fiscal Q1 2025', null],
      ['9%', -9, '%', 'iPhone', 'sales change', 'fiscal Q1 2025', null],
    ]);
  });

  it('keeps apart market value and share price, a move during the day, at the close and since the year began', () => {
    expect(
      read('en', '2025-02-14', [
        ["Alibaba's market value rose to $300 billion, while its shares closed 2.6% higher at HK$120 after jumping as much as 9.2% intraday.", 'The stock is up 40% so far this year.'],
      ]),
    ).toEqual([
      ['$300 billion', 300000000000, 'USD', 'Alibaba', 'market value', '2025-02-14', 'Hong Kong'],
      ['2.6% higher', 2.6, '%', 'Alibaba', 'stock change at close', '2025-02-14', 'Hong Kong'],
      ['HK$120', 120, 'HKD', 'Alibaba', 'share price', '2025-02-14', 'Hong Kong'],
      ['jumping as much as 9.2%', 9.2, '%', 'Alibaba', 'stock change', '2025-02-14', 'Hong Kong'],
      ['up 40%', 40, '%', 'Alibaba', 'stock change year to date', '2025-02-14', 'Hong Kong'],
    ]);
  });

  it('reads a price per barrel as the commodity’s, a noun phrase as the subject of its measure, a bracketed amount as the same figure', () => {
    expect(
      read('en', null, [
        ['Oil prices rose 3% on Monday, with US crude up $1.47 to $48.54 a barrel and Brent crude at $45.10 a barrel.'],
        ['Mobile phone sales fell 4% to 12 million handsets.'],
        ['Nestle said revenue dipped 1.4% to 86.7bn Swiss francs ($74.6bn; £39.1bn).'],
      ]),
    ).toEqual([
      ['rose 3%', 3, '%', 'oil', 'price change', null, null],
      // "US crude" is the American benchmark, West Texas Intermediate, as "Brent crude" is Brent.
      ['up $1.47', 1.47, 'USD', 'West Texas Intermediate', 'price change', null, null],
      ['$48.54', 48.54, 'USD', 'West Texas Intermediate', 'price', null, null],
      ['$45.10', 45.1, 'USD', 'Brent crude', 'price', null, null],
      ['fell 4%', -4, '%', 'mobile phones', 'sales change', null, null],
      ['12 million handsets', 12000000, 'units', 'mobile phones', 'sales', null, null],
      ['dipped 1.4%', -1.4, '%', 'Nestle', 'revenue change', null, null],
      ['86.7bn Swiss francs', 86700000000, 'CHF', 'Nestle', 'revenue', null, null],
      ['$74.6bn', 74600000000, 'USD', 'Nestle', 'revenue', null, null],
      ['£39.1bn', 39100000000, 'GBP', 'Nestle', 'revenue', null, null],
    ]);
  });

  it('reads a company forecasting its own revenue as its subject, a business by what its revenue is from, and "They" as the shares of the sentence before', () => {
    expect(
      read('en', '2025-05-28', [
        ['Chipmaker Kestrel Semiconductor forecast quarterly revenue above estimates on Wednesday.', 'Kestrel expects revenue of about $4.1 billion for the quarter.'],
        ['The data-centre business, which accounts for 58% of sales, grew 44%, while revenue from consumer chips slipped 4%.'],
        ["Kestrel's shares jumped 9% after the bell.", 'They had closed down 0.8% at $212.40 on the Nasdaq.'],
      ]),
    ).toEqual([
      ['about $4.1 billion', 4100000000, 'USD', 'Kestrel Semiconductor', 'revenue forecast', null, null],
      ['58%', 58, '%', 'Kestrel data-centre business', 'revenue share', null, null],
      ['grew 44%', 44, '%', 'Kestrel data-centre business', 'revenue change', null, null],
      ['slipped 4%', -4, '%', 'Kestrel consumer chips business', 'revenue change', null, null],
      ['jumped 9%', 9, '%', 'Kestrel Semiconductor', 'stock change', '2025-05-28', 'United States'],
      ['down 0.8%', -0.8, '%', 'Kestrel Semiconductor', 'stock change at close', '2025-05-28', 'United States'],
      ['$212.40', 212.4, 'USD', 'Kestrel Semiconductor', 'share price', '2025-05-28', 'United States'],
    ]);
  });

  it('reads a Chinese earnings report: a business by what it sells, its share of revenue told before the figure, 公司 and 该股 back to the company, after-hours trading no deal', () => {
    expect(
      read('zh', '2025-08-21', [
        ['美国芯片公司Kestrel Semiconductor周三公布，第三财季营收为52亿美元。', '其中，数据中心业务收入为31亿美元，占总营收的60%。', '公司预计第四财季营收约为55亿美元。'],
        ['受此消息提振，百度港股在盘后交易中上涨7%。', '该股周三收盘下跌1.3%，报143.6港元。'],
      ]),
    ).toEqual([
      ['52亿美元', 5200000000, 'USD', 'Kestrel Semiconductor', 'revenue', 'fiscal Q3 2025', null],
      ['31亿美元', 3100000000, 'USD', 'Kestrel data-centre business', 'revenue', 'fiscal Q3 2025', null],
      ['60%', 60, '%', 'Kestrel data-centre business', 'revenue share', 'fiscal Q3 2025', null],
      ['55亿美元', 5500000000, 'USD', 'Kestrel Semiconductor', 'revenue forecast', 'fiscal Q4 2025', null],
      ['上涨7%', 7, '%', 'Baidu', 'stock change', '2025-08-21', 'Hong Kong'],
      ['下跌1.3%', -1.3, '%', 'Baidu', 'stock change at close', '2025-08-20', 'Hong Kong'],
      ['143.6港元', 143.6, 'HKD', 'Baidu', 'share price', '2025-08-20', 'Hong Kong'],
    ]);
  });

  it("reads a market's move by its place's name, a share of a nationality's buyers as a market share, a share of the world's mined metal as output, and never a market as a subject", () => {
    expect(read('en', '2025-07-18', [["India's smartphone market grew 7% in the April-June quarter to 37.2 million units, according to research firm Calder Research."]])).toEqual([
      ['grew 7%', 7, '%', 'India smartphone market', 'shipments change', 'Q2 2025', 'India'],
      ['37.2 million units', 37200000, 'units', 'India smartphone market', 'shipments', 'Q2 2025', 'India'],
    ]);
    // In a market report, a vendor's bare percentage in a later paragraph is its share.
    expect(read('en', '2025-07-22', [['Samsung led with a 34% share of the European market in the second quarter.'], ['Apple was second with 24%.', 'Motorola and Honor took 6% and 4% respectively.']])).toEqual([
      ['34%', 34, '%', 'Samsung', 'market share', 'Q2 2025', 'Europe'],
      ['24%', 24, '%', 'Apple', 'market share', 'Q2 2025', 'Europe'],
      ['6%', 6, '%', 'Motorola', 'market share', 'Q2 2025', 'Europe'],
      ['4%', 4, '%', 'Honor', 'market share', 'Q2 2025', 'Europe'],
    ]);
    expect(read('en', null, [['Together the two companies would serve about 41% of British small businesses.']])).toEqual([['about 41%', 41, '%', 'combined company', 'market share', null, 'United Kingdom']]);
    expect(read('en', null, [["Wa State supplied about 10% of the world's mined tin."]])).toEqual([['about 10%', 10, '%', 'Wa State', 'production share', null, null]]);
    expect(read('en', '2025-05-02', [["Apple's sales in Greater China fell 8% in its fiscal second quarter."]])).toEqual([['fell 8%', -8, '%', 'Apple', 'sales change', 'fiscal Q2 2025', 'Greater China']]);
  });

  it('reads the moves of a closing report, a next-day report and a list under "Closing prices:" as the close, and a move since the year began from its setting clause', () => {
    expect(
      read('en', '2025-10-02', [
        ["Britain's FTSE 100 index closed down 0.3% on Thursday."],
        ['Ostrava Networks fell 7.4% after the regulator opened a probe.', 'Brightwater Security rose 2% in early trade before paring gains.'],
        ['Closing prices:'],
        ['Copper: $9,845 a tonne, down 1.2%'],
      ]),
    ).toEqual([
      ['down 0.3%', -0.3, '%', 'FTSE 100', 'index change at close', '2025-10-02', 'United Kingdom'],
      ['fell 7.4%', -7.4, '%', 'Ostrava Networks', 'stock change at close', '2025-10-02', 'United Kingdom'],
      ['rose 2%', 2, '%', 'Brightwater Security', 'stock change', '2025-10-02', 'United Kingdom'],
      ['$9,845', 9845, 'USD', 'copper', 'price', '2025-10-02', null],
      ['down 1.2%', -1.2, '%', 'copper', 'price change at close', '2025-10-02', null],
    ]);
    expect(read('en', '2025-05-30', [['Shares of Kestrel Semiconductor rose 11% on Thursday, a day after its results.']])).toEqual([
      ['rose 11%', 11, '%', 'Kestrel Semiconductor', 'stock change at close', '2025-05-29', null],
    ]);
    expect(read('zh', '2025-04-22', [['今年以来，纽约金价已累计上涨29%。']])).toEqual([['上涨29%', 29, '%', 'gold', 'price change year to date', '2025-04-22', 'New York']]);
  });

  it("gives a list's items the measure its label names, and an item's label as its subject, known or not; sales in money are revenue", () => {
    expect(
      read('en', '2025-04-16', [
        ['Shipments by vendor, Q1 2025:'],
        ['Huawei: 13.0 million units, up 10%'],
        ['Honor: 7.5 million, up 2%'],
        ['Others: 20 million'],
      ]),
    ).toEqual([
      ['13.0 million units', 13000000, 'units', 'Huawei', 'shipments', 'Q1 2025', null],
      ['up 10%', 10, '%', 'Huawei', 'shipments change', 'Q1 2025', null],
      ['7.5 million', 7500000, 'units', 'Honor', 'shipments', 'Q1 2025', null],
      ['up 2%', 2, '%', 'Honor', 'shipments change', 'Q1 2025', null],
      ['20 million', 20000000, 'units', 'other brands', 'shipments', 'Q1 2025', null],
    ]);
    expect(read('en', '2025-02-14', [["Apple's sales in Greater China fell 11% to $18.51 billion.", 'Sales in India rose 8%.']])).toEqual([
      ['fell 11%', -11, '%', 'Apple', 'revenue change', null, 'Greater China'],
      ['$18.51 billion', 18510000000, 'USD', 'Apple', 'revenue', null, 'Greater China'],
      ['rose 8%', 8, '%', 'Apple', 'revenue change', null, 'India'],
    ]);
  });

  it('takes a vendor opening a sentence before the verb that holds its share, known or not, and a Chinese vendor wherever the article names it', () => {
    expect(read('en', '2025-04-16', [['Huawei led the market with 19% of shipments in the first quarter.', 'Honor took 11%, and other brands shared the remaining 13%.', 'Copper has risen 19% this year.']])).toEqual([
      ['19%', 19, '%', 'Huawei', 'market share', 'Q1 2025', null],
      ['11%', 11, '%', 'Honor', 'market share', 'Q1 2025', null],
      ['13%', 13, '%', 'other brands', 'market share', 'Q1 2025', null],
      ['risen 19%', 19, '%', 'copper', 'price change year to date', '2025-04-16', null],
    ]);
    // 荣耀 is tagged a person and 传音 a common noun: holding a share "以19%" makes them vendors, and the article's vendor stays
    // one; both are compared by their English names (Honor, Transsion).
    expect(read('zh', '2025-04-16', [['传音以19%的市场份额位居第一，vivo、荣耀和OPPO分别以15%、13%和12%的份额位列第二至第四。', '传音出货量同比下降9%。']])).toEqual([
      ['19%', 19, '%', 'Transsion', 'market share', null, null],
      ['15%', 15, '%', 'vivo', 'market share', null, null],
      ['13%', 13, '%', 'Honor', 'market share', null, null],
      ['12%', 12, '%', 'OPPO', 'market share', null, null],
      ['同比下降9%', -9, '%', 'Transsion', 'shipments change', null, null],
    ]);
  });

  it('reads a Chinese futures contract (期锌, 沪锡) as its metal, and a clause opening with 至 as going on with the move before it', () => {
    expect(read('zh', '2025-09-17', [['伦敦金属交易所三个月期锌一度上涨4.8%，至每吨3112美元。', '沪锡收跌1.1%。']])).toEqual([
      ['上涨4.8%', 4.8, '%', 'zinc', 'price change', '2025-09-17', 'London Metal Exchange'],
      ['每吨3112美元', 3112, 'USD', 'zinc', 'price intraday high', '2025-09-17', 'London Metal Exchange'],
      ['收跌1.1%', -1.1, '%', 'tin', 'price change at close', '2025-09-17', 'Shanghai Futures Exchange'],
    ]);
  });

  it("gives a takeover's terms no period and no market, and its savings to the party that states them", () => {
    expect(
      read('en', '2025-03-11', [
        ["Britain's competition watchdog on Tuesday opened an investigation into Bluewave Group's £4.2 billion takeover of rival Corallink."],
        ['Bluewave agreed in January to pay 285 pence per share for Corallink.', 'Bluewave has said the deal would generate annual cost savings of £150 million.'],
      ]),
    ).toEqual([
      ['£4.2 billion', 4200000000, 'GBP', 'Bluewave', 'deal value', null, null],
      ['285 pence', 2.85, 'GBP', 'Bluewave', 'offer price', null, null],
      ['£150 million', 150000000, 'GBP', 'Bluewave', 'cost savings', null, null],
    ]);
  });

  it("gives a mine's output to the mine, whoever runs it, and reads \"this quarter\" and \"last quarter\" against the article's date", () => {
    expect(
      read('en', '2025-03-11', [
        ["SANTIAGO (Tessaro Wire) - Copper prices jumped on Tuesday after flooding shut Minera Altiplano's Los Cóndores mine in northern Chile."],
        ['Minera Altiplano said the mine would lose about 30,000 tonnes of output this quarter.', 'Chile produced 5.3 million tonnes of copper last year.'],
        ['Andes Lithium produced 48,200 tonnes last quarter as its new Salar Verde plant ramped up.'],
      ]),
    ).toEqual([
      ['lose about 30,000 tonnes', -30000, 'tonnes', 'Los Cóndores', 'production change', 'Q1 2025', null],
      ['5.3 million tonnes', 5300000, 'tonnes', 'Chile', 'production', '2024', 'Chile'],
      ['48,200 tonnes', 48200, 'tonnes', 'Andes Lithium', 'production', 'Q4 2024', null],
    ]);
  });

  it("does not take a change's base for its period, nor a commodity naming an industry for a price's", () => {
    expect(
      read('en', '2025-02-12', [
        ["Brazil, the world's largest producer, is expected to harvest 62 million bags this year, down 4% from last year."],
        ["Nestle, the world's biggest coffee maker, said it would raise prices by 5% in Europe."],
      ]),
    ).toEqual([
      ['62 million', 62000000, 'units', 'Brazil', 'production', '2025', null],
      ['down 4%', -4, '%', 'Brazil', 'production change', '2025', null],
      ['5%', 5, '%', 'Nestle', 'price change', '2025', 'Europe'],
    ]);
  });

  it("reads a table's cells, each a sentence of its own, as its rows: a figure alone is the row's whose first cell names", () => {
    expect(read('en', '2025-07-18', [['Market share by vendor, Q2 2025:'], ['Vendor'], ['Honor'], ['16.9%'], ['-0.8 percentage points'], ['Transsion'], ['12.1%']])).toEqual([
      ['16.9%', 16.9, '%', 'Honor', 'market share', 'Q2 2025', null],
      ['-0.8 percentage points', -0.8, 'pp', 'Honor', 'market share change', 'Q2 2025', null],
      ['12.1%', 12.1, '%', 'Transsion', 'market share', 'Q2 2025', null],
    ]);
  });

  it("reads an earnings analysis: what a business brought in, the group's revenue right after it, a rival's revenue analysts expect, and no quarter in \"quarterly\"", () => {
    expect(
      read('en', '2025-04-24', [
        ["Northwind Semiconductor's results on Wednesday showed how much the company now depends on AI."],
        ["Its data-centre business brought in $1.9 billion in the fiscal third quarter, more than half of the group's $3.4 billion revenue.", 'Revenue from chips for phones and PCs fell 12%, the fourth quarterly decline in a row.'],
        ['Rival Castellan Micro, which reports next week, is expected to post data-centre revenue of about $1.1 billion, according to analysts polled by LSEG.'],
      ]),
    ).toEqual([
      ['$1.9 billion', 1900000000, 'USD', 'Northwind data-centre business', 'revenue', 'fiscal Q3 2025', null],
      ['$3.4 billion', 3400000000, 'USD', 'Northwind Semiconductor', 'revenue', 'fiscal Q3 2025', null],
      ['fell 12%', -12, '%', 'Northwind Semiconductor', 'revenue change', 'fiscal Q3 2025', null],
      ['about $1.1 billion', 1100000000, 'USD', 'Castellan Micro data-centre business', 'revenue estimate', 'fiscal Q3 2025', null],
    ]);
  });

  it('reads a Chinese company no gazetteer lists by the words whose shares trade, wherever the article names it, and 上年同期 as the level a year before', () => {
    expect(read('zh', '2025-04-24', [['北风半导体美股盘后一度上涨6%。', '北风半导体周三公布，第三财季营收同比增长21%，至34亿美元。', '毛利率为58.1%，上年同期为60.4%。']])).toEqual([
      ['上涨6%', 6, '%', '北风半导体', 'stock change', '2025-04-24', 'United States'],
      ['同比增长21%', 21, '%', '北风半导体', 'revenue change', 'fiscal Q3 2025', null],
      ['34亿美元', 3400000000, 'USD', '北风半导体', 'revenue', 'fiscal Q3 2025', null],
      ['58.1%', 58.1, '%', '北风半导体', 'gross margin', 'fiscal Q3 2025', null],
      ['60.4%', 60.4, '%', '北风半导体', 'gross margin', 'fiscal Q3 2024', null],
    ]);
  });

  it('reads amounts of output lost as falls of production', () => {
    expect(read('en', '2025-03-14', [["Minera Altiplano raised its estimate of the copper output lost to flooding at its Los Cóndores mine to 45,000 tonnes, from 30,000 tonnes."]])).toEqual([
      ['45,000 tonnes', -45000, 'tonnes', 'Los Cóndores', 'production change', null, null],
      ['30,000 tonnes', -30000, 'tonnes', 'Los Cóndores', 'production change', null, null],
    ]);
  });

  it("gives a country's growth to the country, and leaves a survey's share without subject and measure", () => {
    expect(
      read('en', null, [
        ["Singapore's economy grew by 8.1% in 2004, figures from the trade ministry show.", 'The IMF expects economic growth in the eurozone of 1.9% in 2005.'],
        ['About 80% of adults own at least one mobile, according to a survey.'],
      ]),
    ).toEqual([
      ['grew by 8.1%', 8.1, '%', 'Singapore', 'economic growth', '2004', 'Singapore'],
      ['1.9%', 1.9, '%', 'eurozone', 'economic growth', '2005', 'eurozone'],
      ['About 80%', 80, '%', null, null, null, null],
    ]);
  });

  it('reads Chinese figures: a share, a count in 亿部, a change 同比下降, with subjects from Chinese names', () => {
    expect(
      read('zh', '2025-02-14', [['据Canalys称，2024年第四季度华为在中国智能手机市场的份额升至16%，苹果的出货量同比下降11%。', '小米公司第四季度出货量为1.2亿部。']]),
    ).toEqual([
      ['16%', 16, '%', 'Huawei', 'market share', 'Q4 2024', 'China'],
      ['同比下降11%', -11, '%', 'Apple', 'shipments change', 'Q4 2024', 'China'],
      ['1.2亿部', 120000000, 'units', 'Xiaomi', 'shipments', 'Q4 2024', 'China'],
    ]);
  });
});

describe('extractFigures on wording the samples do not use', () => {
  const read = readerWith(compileGazetteer(gazetteerSchema.parse([])));

  it('reads a closing report: "finished", a move after a comma, "off", tin and lead as metals, years to date, an index no table lists', () => {
    expect(
      read('en', '2025-06-10', [
        [
          'LONDON, June 10 (Fictional Wire) - Benchmark copper on the London Metal Exchange finished 1.2% lower at $9,420 a tonne.',
          'Aluminium ended at $2,510 a tonne, down 0.8%.',
          'Nickel settled at $15,900, off 1.1%, and tin finished the session 2.3% higher.',
        ],
        ['Lead has risen 4% year-to-date, while gold is up 12% this year.'],
        ['The FTSE 350 mining index finished down 1.5%.'],
      ]),
    ).toEqual([
      ['1.2% lower', -1.2, '%', 'copper', 'price change at close', '2025-06-10', 'London Metal Exchange'],
      ['$9,420', 9420, 'USD', 'copper', 'price', '2025-06-10', 'London Metal Exchange'],
      ['$2,510', 2510, 'USD', 'aluminium', 'price', '2025-06-10', 'London Metal Exchange'],
      ['down 0.8%', -0.8, '%', 'aluminium', 'price change at close', '2025-06-10', 'London Metal Exchange'],
      ['$15,900', 15900, 'USD', 'nickel', 'price', '2025-06-10', 'London Metal Exchange'],
      ['off 1.1%', -1.1, '%', 'nickel', 'price change at close', '2025-06-10', 'London Metal Exchange'],
      ['2.3% higher', 2.3, '%', 'tin', 'price change at close', '2025-06-10', 'London Metal Exchange'],
      ['risen 4%', 4, '%', 'lead', 'price change year to date', '2025-06-10', 'London Metal Exchange'],
      // Gold does not trade on the LME the report named.
      ['up 12%', 12, '%', 'gold', 'price change year to date', '2025-06-10', null],
      ['down 1.5%', -1.5, '%', 'FTSE 350 mining index', 'index change at close', '2025-06-10', null],
    ]);
  });

  it("reads currencies other than the samples' (A$, riyals, kronor, cents) and lists a share where its currency is used", () => {
    expect(
      read('en', null, [
        ['Multiplex shares plunged 19% before recovering to close 16% down at A$4.67.'],
        ["NCCI's shares changed hands at 372 riyals."],
        ['Ericsson made a profit of 131.9 billion kronor, and its shares rose 15 cents in New York.'],
      ]),
    ).toEqual([
      ['plunged 19%', -19, '%', 'Multiplex', 'stock change', null, 'Australia'],
      ['16% down', -16, '%', 'Multiplex', 'stock change at close', null, 'Australia'],
      ['A$4.67', 4.67, 'AUD', 'Multiplex', 'share price', null, 'Australia'],
      ['372 riyals', 372, 'SAR', 'NCCI', 'share price', null, 'Saudi Arabia'],
      ['131.9 billion kronor', 131900000000, 'SEK', 'Ericsson', 'profit', null, null],
      ['rose 15 cents', 0.15, 'USD', 'Ericsson', 'stock change', null, 'United States'],
    ]);
  });

  it('gives a research firm no figures of its own, names every business of a sentence, and reads investment, savings and a range of guidance', () => {
    expect(
      read('en', '2025-04-09', [
        ['Global PC shipments fell 4.1%, research firm Tallyco said on Wednesday.', "Europe's PC market shrank 2.2%, Tallyco said."],
        ['Northgate Telecom said it would invest $2.5 billion in its fibre network and expects the merger to save $300 million a year.', 'The company spent 1.2 billion euros on new equipment last year.'],
        ['Revenue at its cloud unit rose 18% to $4.1 billion, while the devices division saw sales fall 7% to $2.2 billion.', 'It forecast second-quarter revenue of between $10.5 billion and $10.9 billion.'],
      ]),
    ).toEqual([
      ['fell 4.1%', -4.1, '%', 'global PC market', 'shipments change', null, 'global'],
      ['shrank 2.2%', -2.2, '%', 'Europe PC market', 'shipments change', null, 'Europe'],
      ['$2.5 billion', 2500000000, 'USD', 'Northgate Telecom', 'investment', null, null],
      ['$300 million', 300000000, 'USD', 'Northgate Telecom', 'cost savings', null, null],
      ['1.2 billion euros', 1200000000, 'EUR', 'Northgate Telecom', 'investment', '2024', null],
      ['rose 18%', 18, '%', 'Northgate cloud business', 'revenue change', null, null],
      ['$4.1 billion', 4100000000, 'USD', 'Northgate cloud business', 'revenue', null, null],
      ['fall 7%', -7, '%', 'Northgate devices business', 'revenue change', null, null],
      ['$2.2 billion', 2200000000, 'USD', 'Northgate devices business', 'revenue', null, null],
      ['$10.5 billion', 10500000000, 'USD', 'Northgate Telecom', 'revenue forecast', 'Q2 2025', null],
      ['$10.9 billion', 10900000000, 'USD', 'Northgate Telecom', 'revenue forecast', 'Q2 2025', null],
    ]);
  });

  it('reads sales by volume as units, a bid that values a company, a price per share it is pitched at, a stake, what a thing costs, and pumping as output', () => {
    expect(
      read('en', null, [
        ['Inbev said its sales by volume grew 57% in 2004.', 'Fourth quarter sales rose 2% to $11.1bn.'],
        ["Mr Glazer's offer values the club at £800m. Pitched at 300p per share, it relies less on debt.", 'Time Warner said it now owns 8% of search-engine Google.'],
        ['The console costs £99 in the UK.', 'Yuganskneftegaz pumps around 1 million barrels of oil a day.'],
      ]),
    ).toEqual([
      ['grew 57%', 57, '%', 'Inbev', 'sales change', '2004', null],
      ['rose 2%', 2, '%', 'Inbev', 'revenue change', '2004', null],
      ['$11.1bn', 11100000000, 'USD', 'Inbev', 'revenue', '2004', null],
      ['£800m', 800000000, 'GBP', 'Inbev', 'deal value', null, null],
      ['300p', 3, 'GBP', 'Inbev', 'offer price', null, null],
      ['8%', 8, '%', 'Time Warner', 'stake', null, null],
      ['£99', 99, 'GBP', 'console prices', 'price', '2004', 'United Kingdom'],
      ['around 1 million barrels', 1000000, 'barrels', 'Yuganskneftegaz', 'production', '2004', null],
    ]);
  });

  it('reads the close of moves told beside one, "6% up", "put on", a year to date written "in 2026", and "they" mid-sentence as the shares before', () => {
    expect(
      read('en', '2026-02-26', [
        ['NEW YORK, Feb 26 (Corran Wire) - The S&P 500 lost 0.7% by the end of trading and the Nasdaq Composite dropped 1.3%.', 'Corvana shares tumbled 12.4% to $187.30.', 'At one point in the session they were down as much as 15%.'],
        ["Retailer Penbury's shares closed 6% up, and Tarrant Mining put on 1.9%.", 'Against the trend, retailer Hollister Lane rallied 9%.', "Ashgrove's stock has lost 17% in 2026, taking its loss since the start of the year to 17%."],
      ]),
    ).toEqual([
      ['lost 0.7%', -0.7, '%', 'S&P 500', 'index change at close', '2026-02-26', 'United States'],
      ['dropped 1.3%', -1.3, '%', 'Nasdaq Composite', 'index change at close', '2026-02-26', 'United States'],
      ['tumbled 12.4%', -12.4, '%', 'Corvana', 'stock change at close', '2026-02-26', 'United States'],
      ['$187.30', 187.3, 'USD', 'Corvana', 'share price', '2026-02-26', 'United States'],
      ['down as much as 15%', -15, '%', 'Corvana', 'stock change', '2026-02-26', 'United States'],
      ['6% up', 6, '%', 'Penbury', 'stock change at close', '2026-02-26', 'United States'],
      ['put on 1.9%', 1.9, '%', 'Tarrant Mining', 'stock change at close', '2026-02-26', 'United States'],
      // "retailer" outweighs "Lane", a word that often ends a place's name.
      ['rallied 9%', 9, '%', 'Hollister Lane', 'stock change at close', '2026-02-26', 'United States'],
      ['lost 17%', -17, '%', 'Ashgrove', 'stock change year to date', '2026-02-26', 'United States'],
      ['17%', -17, '%', 'Ashgrove', 'stock change year to date', '2026-02-26', 'United States'],
    ]);
  });

  it('reads what a buyer pays for a company, the fee if its board backs a rival, a stake in a relative clause, "Unlike X" as no actor, brands outside the top five, and "the benchmark contract" as the commodity before', () => {
    expect(
      read('en', '2026-03-02', [
        ['Ridgeway agreed to pay £410 million for Castlemere Water.', 'Castlemere would have to pay Ridgeway £24 million if its board backed a rival offer.', 'Pension fund Aldermoor, which owns 8%, has agreed to sell.'],
        ['Unlike Samsung, whose volumes held steady, Apple saw its shipments fall 8%.', 'Brands outside the top five together held 10.8% of the market.'],
        ['Arabica coffee held firm.', 'The benchmark contract settled 0.6% higher at $3.42 a pound.'],
      ]),
    ).toEqual([
      ['£410 million', 410000000, 'GBP', 'Castlemere Water', 'deal value', null, null],
      ['£24 million', 24000000, 'GBP', 'Ridgeway', 'break fee', null, null],
      ['8%', 8, '%', 'Aldermoor', 'stake', null, null],
      ['fall 8%', -8, '%', 'Apple', 'shipments change', null, null],
      ['10.8%', 10.8, '%', 'other brands', 'market share', null, null],
      ['0.6% higher', 0.6, '%', 'arabica coffee', 'price change at close', '2026-03-02', null],
      ['$3.42', 3.42, 'USD', 'arabica coffee', 'price', '2026-03-02', null],
    ]);
  });

  it('reads a dateline without a city, a product counted "shipments of", the full year after a quarter, "in the quarter", "the iPhone maker", and guidance', () => {
    expect(
      read('en', '2026-01-12', [
        ['(Tessaro Wire) - Worldwide shipments of personal computers grew 4.9% in the fourth quarter to 71.8 million units, research firm Halden Data said on Monday.'],
        ['For the full year, shipments rose 5.6% to 268 million units, the strongest growth since the buying spree of 2021.'],
        ['Lenovo shipped 18.9 million units in the quarter.', "Halden said the iPhone maker's Mac shipments jumped 17%, lifting its share to 9.4%."],
        ['For the second quarter, Paxton guided to revenue of $11.9 billion.'],
      ]),
    ).toEqual([
      ['grew 4.9%', 4.9, '%', 'global PC market', 'shipments change', 'Q4 2025', 'global'],
      ['71.8 million units', 71800000, 'units', 'global PC market', 'shipments', 'Q4 2025', 'global'],
      ['rose 5.6%', 5.6, '%', 'global PC market', 'shipments change', '2025', 'global'],
      ['268 million units', 268000000, 'units', 'global PC market', 'shipments', '2025', 'global'],
      ['18.9 million units', 18900000, 'units', 'Lenovo', 'shipments', 'Q4 2025', 'global'],
      ['jumped 17%', 17, '%', 'Mac', 'shipments change', 'Q4 2025', 'global'],
      ['9.4%', 9.4, '%', 'Mac', 'market share', 'Q4 2025', 'global'],
      ['$11.9 billion', 11900000000, 'USD', 'Paxton', 'revenue forecast', 'Q2 2026', null],
    ]);
  });

  it("names a company's other businesses and its cloud computing business as one name in any language, reads the close of a move beside one, an index a company trades on as no actor, a combined company however written, and a firm's estimate of a market's fall", () => {
    expect(
      read('en', '2025-05-22', [
        ['Ferrous Semiconductor said revenue from other businesses fell 3% to $1.5 billion, and its cloud computing business brought in $900 million.'],
        ["Northwind's slide dragged the Nasdaq 1.1% lower, while the chipmaker's shares lost 8.2% by the close.", "Kestrel's shares fell 4% after the bell, having closed 1.3% higher."],
        ['Castlemere was the biggest riser on the FTSE 100, up 9%.', "Hang Seng Index constituent Xiaomi rose 3.4%, outpacing the index's 0.8% gain."],
        ['Together, Bluewave and Corallink would control 38% of the market.', "Quadrant put the market's decline at 4%."],
      ]),
    ).toEqual([
      ['fell 3%', -3, '%', 'Ferrous other businesses', 'revenue change', null, null],
      ['$1.5 billion', 1500000000, 'USD', 'Ferrous other businesses', 'revenue', null, null],
      ['$900 million', 900000000, 'USD', 'Ferrous cloud business', 'revenue', null, null],
      ['1.1% lower', -1.1, '%', 'Nasdaq Composite', 'index change at close', '2025-05-22', 'United States'],
      ['lost 8.2%', -8.2, '%', 'Northwind', 'stock change at close', '2025-05-22', 'United States'],
      // After the bell is not the close.
      ['fell 4%', -4, '%', 'Kestrel', 'stock change', '2025-05-22', 'United States'],
      ['1.3% higher', 1.3, '%', 'Kestrel', 'stock change at close', '2025-05-22', 'United States'],
      ['up 9%', 9, '%', 'Castlemere', 'stock change', '2025-05-22', 'United Kingdom'],
      ['rose 3.4%', 3.4, '%', 'Xiaomi', 'stock change', '2025-05-22', 'Hong Kong'],
      ['0.8% gain', 0.8, '%', 'Hang Seng Index', 'index change', '2025-05-22', 'Hong Kong'],
      ['38%', 38, '%', 'combined company', 'market share', null, null],
      // The firm that put the figure is its source; no market is named, so no market total.
      ['4%', -4, '%', null, 'shipments change', null, null],
    ]);
  });

  it('takes a firm that counted or tallied figures for their source, a ticker for no name, and 本季度 before 公司 for a time, not a company', () => {
    expect(
      read('en', '2025-04-15', [
        ['Smartphone shipments in China fell 3% in the first quarter, Sightline said.', 'Quadrant Research counted 70 million phones shipped, a drop of 2%.', "Quadrant's tally showed shipments of 70 million units."],
        ['Kestrel Semiconductor (Nasdaq: KSTR) said sales at other businesses fell 3% to $1.5 billion.'],
      ]),
    ).toEqual([
      ['fell 3%', -3, '%', 'China smartphone market', 'shipments change', 'Q1 2025', 'China'],
      ['70 million phones', 70000000, 'units', 'China smartphone market', 'shipments', 'Q1 2025', 'China'],
      ['drop of 2%', -2, '%', 'China smartphone market', 'shipments change', 'Q1 2025', 'China'],
      ['70 million units', 70000000, 'units', 'China smartphone market', 'shipments', 'Q1 2025', 'China'],
      ['fell 3%', -3, '%', 'Kestrel other businesses', 'revenue change', 'Q1 2025', null],
      ['$1.5 billion', 1500000000, 'USD', 'Kestrel other businesses', 'revenue', 'Q1 2025', null],
    ]);
    const gazetteer = compileGazetteer(gazetteerSchema.parse([{ name: 'Northwind Semiconductor', type: 'company', aliases: ['北风半导体'] }]));
    const doc = { ...article('fixture', '2025-05-20', [['北风半导体本季度公司营收为41亿美元，同比增长18%。', '北风半导体在纳斯达克上涨5%。']]), lang: 'zh' };
    const subjects = new Map([['北风半导体', 'Northwind Semiconductor']]);
    expect(described(extractFigures(doc, { subjects, names: recogniseNames(doc, gazetteer) }))).toEqual([
      ['41亿美元', 4100000000, 'USD', 'Northwind Semiconductor', 'revenue', 'Q2 2025', null],
      ['同比增长18%', 18, '%', 'Northwind Semiconductor', 'revenue change', 'Q2 2025', null],
      ['上涨5%', 5, '%', 'Northwind Semiconductor', 'stock change', '2025-05-20', 'United States'],
    ]);
  });

  it("reads a company's business by what it sells, whoever it sells to, and the level its growth reached; a list under a label naming a close is the close, the prose after it is not", () => {
    expect(
      read('en', '2025-05-22', [
        ['SAN JOSE, May 21 (Fictional Wire) - Halcyon Semiconductor reported revenue of $4.1 billion.'],
        ['Data-centre chip sales rose 44% to $2.6 billion.', 'Sales to data-centre operators rose 44%.', 'The data-centre business, its biggest, grew 44% to $2.6 billion.'],
      ]),
    ).toEqual([
      ['$4.1 billion', 4100000000, 'USD', 'Halcyon Semiconductor', 'revenue', null, null],
      ['rose 44%', 44, '%', 'Halcyon data-centre business', 'revenue change', null, null],
      ['$2.6 billion', 2600000000, 'USD', 'Halcyon data-centre business', 'revenue', null, null],
      ['rose 44%', 44, '%', 'Halcyon data-centre business', 'revenue change', null, null],
      ['grew 44%', 44, '%', 'Halcyon data-centre business', 'revenue change', null, null],
      ['$2.6 billion', 2600000000, 'USD', 'Halcyon data-centre business', 'revenue', null, null],
    ]);
    expect(
      read('en', '2025-06-03', [
        ['Copper barely moved on Tuesday.'],
        ['Closing LME prices, June 3:'],
        ['Zinc: $2,655, down 1.2%'],
        ['In Shanghai, the most-active copper contract fell 0.6% to 78,120 yuan a tonne as demand slowed.'],
      ]),
    ).toEqual([
      ['$2,655', 2655, 'USD', 'zinc', 'price', '2025-06-03', 'London Metal Exchange'],
      ['down 1.2%', -1.2, '%', 'zinc', 'price change at close', '2025-06-03', 'London Metal Exchange'],
      ['fell 0.6%', -0.6, '%', 'copper', 'price change', '2025-06-03', 'Shanghai Futures Exchange'],
      ['78,120 yuan', 78120, 'CNY', 'copper', 'price', '2025-06-03', 'Shanghai Futures Exchange'],
    ]);
  });

  it("reads a list's counts by the measure its label names, a share after a count in an item, an analyst's firm as the source, a pence price as London's, and a move since a bid as no day's close", () => {
    expect(
      read('en', '2025-04-16', [
        ['Estimates of first-quarter smartphone shipments in China:'],
        ['Huawei: 13.0 million units, 19% share'],
        ['Apple: 8.9 million, 13%'],
      ]),
    ).toEqual([
      ['13.0 million units', 13000000, 'units', 'Huawei', 'shipments', 'Q1 2025', 'China'],
      ['19%', 19, '%', 'Huawei', 'market share', 'Q1 2025', 'China'],
      ['8.9 million', 8900000, 'units', 'Apple', 'shipments', 'Q1 2025', 'China'],
      ['13%', 13, '%', 'Apple', 'market share', 'Q1 2025', 'China'],
    ]);
    expect(
      read('en', '2025-03-12', [
        ['LONDON, March 12 (Fictional Wire) - Shares in Corallink closed down 6.2% at 388p.', 'Corallink, whose shares have risen 30% since the bid, fell 6.2%.'],
        ["Sightline's senior analyst Li Wen said Xiaomi had gained from its new models, which helped it ship 12.3 million phones."],
      ]),
    ).toEqual([
      ['down 6.2%', -6.2, '%', 'Corallink', 'stock change at close', '2025-03-12', 'United Kingdom'],
      ['388p', 3.88, 'GBP', 'Corallink', 'share price', '2025-03-12', 'United Kingdom'],
      ['risen 30%', 30, '%', 'Corallink', 'stock change', '2025-03-12', 'United Kingdom'],
      ['fell 6.2%', -6.2, '%', 'Corallink', 'stock change at close', '2025-03-12', 'United Kingdom'],
      ['12.3 million phones', 12300000, 'units', 'Xiaomi', 'shipments', null, null],
    ]);
  });

  it('keeps a product\'s model in its name ("iPhone 16 Pro"), calls a business by the name the text gives it, and reads a loss of output by any words', () => {
    expect(
      read('en', '2025-03-12', [
        ['Sales of the iPhone 16 fell 9% in January.', 'The iPhone 16 Pro now costs 7,999 yuan.', "Alibaba's cloud unit, Alibaba Cloud, grew revenue 7% to 31.7 billion yuan."],
        ['SANTIAGO, March 12 (Fictional Wire) - Cordillera Mining said a flood had shut its Los Olivos mine.', "The flood would knock 20,000 tonnes off the mine's annual production, a loss of about 8%.", 'Copper is now up 12% from the end of last year.'],
      ]),
    ).toEqual([
      ['fell 9%', -9, '%', 'iPhone 16', 'sales change', 'January 2025', null],
      ['7,999 yuan', 7999, 'CNY', 'iPhone 16 Pro', 'price', 'January 2025', null],
      ['grew revenue 7%', 7, '%', 'Alibaba Cloud', 'revenue change', 'January 2025', null],
      ['31.7 billion yuan', 31700000000, 'CNY', 'Alibaba Cloud', 'revenue', 'January 2025', null],
      ['20,000 tonnes', -20000, 'tonnes', 'Cordillera Mining', 'production change', null, null],
      // The mine or its operator: either is the subject of the mine's output.
      ['loss of about 8%', -8, '%', 'Los Olivos', 'production change', null, null],
      ['up 12%', 12, '%', 'copper', 'price change year to date', '2025-03-12', null],
    ]);
  });

  it('reads a market named as what earns ("The market for music downloads was worth $20m"), an amount whose measure follows its conversions, a price per share written "each", and a merged company\'s sales', () => {
    expect(
      read('en', null, [
        ['The market for full-track music downloads was worth just $20 million last year.', "India's mobile gaming market will bring in about $336m by 2009."],
        ['Swiss drugmaker Novartis has announced 5.65bn euros ($7.4bn) of purchases.', 'It offered to buy the remaining shares for $31 each.', 'Based on 2004 figures the newly merged producer would have sales of more than $5bn.'],
      ]),
    ).toEqual([
      ['just $20 million', 20000000, 'USD', 'full-track music download market', 'revenue', null, null],
      ['about $336m', 336000000, 'USD', 'India mobile gaming market', 'revenue', '2009', 'India'],
      ['5.65bn euros', 5650000000, 'EUR', 'Novartis', 'deal value', null, null],
      ['$7.4bn', 7400000000, 'USD', 'Novartis', 'deal value', null, null],
      ['$31', 31, 'USD', 'Novartis', 'offer price', null, null],
      ['more than $5bn', 5000000000, 'USD', 'combined company', 'revenue', '2004', null],
    ]);
  });

  it("gives a stake to the person who holds it, and a market's move in its own clause to the market, not a vendor named before", () => {
    expect(
      read('en', '2025-04-15', [
        ['At present, Mr Glazer and his family hold a 28.1% stake in the club.'],
        ["BEIJING, April 15 (Fictional Wire) - Sightline data showed Xiaomi third in China's smartphone market with a 14% share, while the overall market contracted 3% to 68 million units."],
      ]),
    ).toEqual([
      ['28.1%', 28.1, '%', 'Glazer', 'stake', null, null],
      ['14%', 14, '%', 'Xiaomi', 'market share', null, 'China'],
      ['contracted 3%', -3, '%', 'China smartphone market', 'shipments change', null, 'China'],
      ['68 million units', 68000000, 'units', 'China smartphone market', 'shipments', null, 'China'],
    ]);
  });

  it('reads a business named in a relative clause only inside it, and "It said" as who speaks, not what moved', () => {
    expect(
      read('en', '2025-05-22', [
        ['SAN JOSE, May 21 (Fictional Wire) - Halcyon Semiconductor reported revenue of $4.1 billion.'],
        ['It said data-centre sales jumped 44%.', 'Halcyon, whose data-centre business grew 44%, said revenue rose 18%.'],
      ]),
    ).toEqual([
      ['$4.1 billion', 4100000000, 'USD', 'Halcyon Semiconductor', 'revenue', null, null],
      ['jumped 44%', 44, '%', 'Halcyon data-centre business', 'revenue change', null, null],
      ['grew 44%', 44, '%', 'Halcyon data-centre business', 'revenue change', null, null],
      ['rose 18%', 18, '%', 'Halcyon Semiconductor', 'revenue change', null, null],
    ]);
  });

  it('reads a rate told as a yearly pace as the move, "the benchmark contract" beside another commodity as the one before, and a company\'s own price rise over its year as no move to date', () => {
    expect(
      read('en', '2026-03-18', [
        ['Nationally, house prices rose at an annual rate of 10.7% in December.'],
        ['Arabica coffee held firm.', 'The benchmark contract settled 0.6% higher at $3.42 a pound, while robusta in London slipped 1.1%.'],
        ['Aebischer said it would raise the price of its chocolate bars by an average of 7% this year.'],
      ]),
    ).toEqual([
      ['rose at an annual rate of 10.7%', 10.7, '%', 'house prices', 'price change', 'December 2025', null],
      ['0.6% higher', 0.6, '%', 'arabica coffee', 'price change at close', '2026-03-18', null],
      ['$3.42', 3.42, 'USD', 'arabica coffee', 'price', '2026-03-18', null],
      ['slipped 1.1%', -1.1, '%', 'robusta coffee', 'price change at close', '2026-03-18', 'London'],
      ['7%', 7, '%', 'Aebischer', 'price change', '2026', null],
    ]);
  });

  it('names a business by what it is, not the goods it sells ("its data-centre chips", "chips for data centres")', () => {
    expect(
      read('en', null, [
        ['SAN JOSE, May 21 (Fictional Wire) - Northwind Semiconductor reported revenue of $4.1 billion.'],
        ['Revenue from its data-centre chips rose 44%.', 'Revenue from chips for data centres jumped 44%.'],
      ]),
    ).toEqual([
      ['$4.1 billion', 4100000000, 'USD', 'Northwind Semiconductor', 'revenue', null, null],
      ['rose 44%', 44, '%', 'Northwind data-centre business', 'revenue change', null, null],
      ['jumped 44%', 44, '%', 'Northwind data-centre business', 'revenue change', null, null],
    ]);
  });

  it('reads 结算价 as the close and 今年累计 as the year to date', () => {
    expect(read('zh', '2025-03-12', [['沪铜主力合约结算价下跌2.1%，报每吨77,450元。', '伦铜今年累计上涨15%。']])).toEqual([
      ['下跌2.1%', -2.1, '%', 'copper', 'price change at close', '2025-03-12', 'Shanghai Futures Exchange'],
      ['每吨77,450元', 77450, 'CNY', 'copper', 'price', '2025-03-12', 'Shanghai Futures Exchange'],
      ['上涨15%', 15, '%', 'copper', 'price change year to date', '2025-03-12', 'London Metal Exchange'],
    ]);
  });

  it('reads a Chinese company the tagger splits (宁德/nr 时代) as one name, and a business no table lists by its Chinese name', () => {
    expect(
      read('zh', '2025-07-31', [
        ['宁德时代7月30日晚间披露半年报。上半年公司实现营业收入1788.9亿元，同比增长7.3%。', '其中，动力电池系统业务收入为1315.8亿元。'],
        ['受业绩提振，宁德时代港股31日盘中一度上涨7.8%，报396.2港元。'],
      ]),
    ).toEqual([
      ['1788.9亿元', 178890000000, 'CNY', 'CATL', 'revenue', 'H1 2025', null],
      ['同比增长7.3%', 7.3, '%', 'CATL', 'revenue change', 'H1 2025', null],
      ['1315.8亿元', 131580000000, 'CNY', 'CATL 动力电池系统 business', 'revenue', 'H1 2025', null],
      ['上涨7.8%', 7.8, '%', 'CATL', 'stock change', '2025-07-31', 'Hong Kong'],
      ['396.2港元', 396.2, 'HKD', 'CATL', 'share price', '2025-07-31', 'Hong Kong'],
    ]);
  });

  it('takes a company described as a firm for the article\'s company, and only a research firm for a source', () => {
    expect(read('en', '2005-03-01', [['German telecoms firm Deutsche Telekom saw strong fourth quarter profits.'], ['Net profit came in at 1.4bn euros.']])).toEqual([
      ['1.4bn euros', 1400000000, 'EUR', 'Deutsche Telekom', 'profit', 'Q4 2004', null],
    ]);
    expect(read('en', '2005-03-01', [['Research firm Calder Research said Halvorsen shipped 3 million phones.']])).toEqual([['3 million phones', 3000000, 'units', 'Halvorsen', 'shipments', null, null]]);
  });

  it('reads an amount lost as a profit below nothing, and the level a sized rise reached as a level', () => {
    expect(read('en', '2005-03-01', [['Kelvin Foods made a net loss of 364m euros in 2003.']])).toEqual([['loss of 364m euros', -364000000, 'EUR', 'Kelvin Foods', 'profit', '2003', null]]);
    expect(read('en', '2005-03-01', [['Reuters beat forecasts, posting a 52% rise in profits for the year to £198m.'], ['Its losses widened to $5m.']])).toEqual([
      ['52% rise', 52, '%', 'Reuters', 'profit change', null, null],
      ['£198m', 198000000, 'GBP', 'Reuters', 'profit', null, null],
      ['$5m', -5000000, 'USD', 'Reuters', 'profit', null, null],
    ]);
    expect(read('zh', '2025-03-01', [['小米集团2024年净亏损5000万元。']])).toEqual([['5000万元', -50000000, 'CNY', 'Xiaomi', 'profit', '2024', null]]);
    // "put" says who estimated a figure; it names no one.
    expect(read('en', '2005-03-01', [['Oil giant BP put production for the year at 3.9 million barrels.']])).toEqual([['3.9 million barrels', 3900000, 'barrels', null, 'production', null, null]]);
  });

  it("reads a holding of \"the club\" or one the sentence ends on as a stake, and what a bid would value a company at as the deal's value", () => {
    expect(
      read('en', '2005-03-01', [
        ['Malcolm Glazer has made a fresh approach to buy Manchester United.', 'Through their Cubic Expression vehicle they own 28.9% of the club.', 'Mr Glazer owns 28.1%.'],
        ['Reports have put the offer at 300p per share, which would value Manchester United at about £800m ($1.5bn).'],
      ]),
    ).toEqual([
      ['28.9%', 28.9, '%', 'Cubic Expression', 'stake', null, null],
      ['28.1%', 28.1, '%', 'Malcolm Glazer', 'stake', null, null],
      ['300p', 3, 'GBP', 'Manchester United', 'offer price', null, null],
      ['about £800m', 800000000, 'GBP', 'Manchester United', 'deal value', null, null],
      ['$1.5bn', 1500000000, 'USD', 'Manchester United', 'deal value', null, null],
    ]);
  });

  it('reads a forecaster named with its short form in brackets as a source, a name nearer the figure than "the merged group" as its owner, and what shareholders lost as market value', () => {
    expect(read('en', '2005-02-10', [['The Consumer Electronics Association (CEA) has predicted that sales of consumer electronics in 2005 will grow 11%.']])).toEqual([
      ['grow 11%', 11, '%', null, 'sales change', '2005', null],
    ]);
    expect(read('en', '2005-02-10', [['The merged group will still remain outside the top five oil producers - led by Lukoil with 11% of the market.']])).toEqual([
      ['11%', 11, '%', 'Lukoil', 'market share', null, null],
    ]);
    expect(read('en', '2005-02-10', [['Shares in MCI were up 2.4%.', 'Shareholders lost about $180bn when the company collapsed in 2002.']])).toEqual([
      ['up 2.4%', 2.4, '%', 'MCI', 'stock change', '2005-02-10', null],
      ['lost about $180bn', -180000000000, 'USD', 'MCI', 'market value change', '2002', null],
    ]);
    expect(read('en', '2005-02-10', [['In terms of market value, Pernod - at 7.5bn euros - is smaller than Allied Domecq.']])).toEqual([
      ['7.5bn euros', 7500000000, 'EUR', 'Pernod', 'market value', '2005-02-10', null],
    ]);
  });

  it('dates each level by the period written after it, and a change by the later of two, never by the year it is compared from', () => {
    expect(read('en', '2005-02-15', [['The company said revenues slipped 11% from £3.24bn in 2003 to £2.89bn in 2004.']])).toEqual([
      ['slipped 11%', -11, '%', null, 'revenue change', '2004', null],
      ['£3.24bn', 3240000000, 'GBP', null, 'revenue', '2003', null],
      ['£2.89bn', 2890000000, 'GBP', null, 'revenue', '2004', null],
    ]);
    expect(read('en', '2005-02-15', [['Kelvin Foods said profit rose 27% from its 2003 level.']])).toEqual([['rose 27%', 27, '%', 'Kelvin Foods', 'profit change', null, null]]);
  });

  it("gives a merger's combined company no period but one its clause names, and reads what a nationality's shops sell as that country's market", () => {
    expect(
      read('en', '2025-10-06', [
        ['When Greyhaven Telecom agreed to buy Ostrava Networks in June, it told investors the deal would face little scrutiny.'],
        ['Together the two companies would serve about 41% of British small businesses that buy broadband.'],
        ['The regulator said the merged group would supply 36% of chilled ready meals sold in British supermarkets.'],
      ]),
    ).toEqual([
      ['about 41%', 41, '%', 'combined company', 'market share', null, 'United Kingdom'],
      ['36%', 36, '%', 'combined company', 'market share', null, 'United Kingdom'],
    ]);
  });

  it('reads costs cut or shaved as savings, a hyphenated price per share as an offer\'s, "2.1% more cars" as a change, and a move restated in pence', () => {
    expect(
      read('en', '2005-01-10', [
        ['Continental Airlines warned of inadequate liquidity if it fails to reduce wage costs by $500m by the end of February.', 'The group said it would be able to shave a further $48m a year from its costs.'],
      ]),
    ).toEqual([
      ['$500m', 500000000, 'USD', 'Continental Airlines', 'cost savings', null, null],
      ['a further $48m', 48000000, 'USD', 'Continental Airlines', 'cost savings', null, null],
    ]);
    expect(read('en', '2005-01-10', [['Last month, the German exchange tabled a 530 pence-per-share offer for LSE, valuing it at £1.3bn.']])).toEqual([
      ['530 pence', 5.3, 'GBP', null, 'offer price', null, null],
      ['£1.3bn', 1300000000, 'GBP', 'LSE', 'deal value', null, null],
    ]);
    expect(read('en', '2005-01-10', [['US-German carmaker DaimlerChrysler has sold 2.1% more cars in 2004 than in the previous year.', 'Sales totalled 3.9 million units worldwide during 2004.']])).toEqual([
      ['2.1%', 2.1, '%', 'DaimlerChrysler', 'sales change', '2004', null],
      ['3.9 million units', 3900000, 'units', 'DaimlerChrysler', 'sales', '2004', 'global'],
    ]);
    expect(read('en', '2005-01-10', [['However the news sent shares in SSL up more than 6%, or 16.75 pence, to 293.5 pence.']])).toEqual([
      ['up more than 6%', 6, '%', 'SSL', 'stock change', '2005-01-10', 'United Kingdom'],
      ['16.75 pence', 0.1675, 'GBP', 'SSL', 'stock change', '2005-01-10', 'United Kingdom'],
      ['293.5 pence', 2.935, 'GBP', 'SSL', 'share price', '2005-01-10', 'United Kingdom'],
    ]);
  });

  it('gives a holding "owned by" someone to its holder, a range\'s start the move its end is told, and a profit "after tax" to the profit', () => {
    expect(read('en', '2005-01-10', [['Virgin Blue, which is 25% owned by Richard Branson, has been struggling to fend off pressure from rival Jetstar.']])).toEqual([
      ['25%', 25, '%', 'Richard Branson', 'stake', null, null],
    ]);
    expect(read('en', '2005-01-10', [['Virgin Blue said profits after tax for the year would be between 10% and 15% lower than the previous year.']])).toEqual([
      ['10%', -10, '%', 'Virgin Blue', 'profit change', null, null],
      ['15% lower', -15, '%', 'Virgin Blue', 'profit change', null, null],
    ]);
  });

  it('reads a share of users a product is used by as its market share, and a stock exchange that moves as its index', () => {
    expect(read('en', '2004-11-10', [['Before July, according to WebSideStory, Internet Explorer was used by about 95% of web surfers.']])).toEqual([
      ['about 95%', 95, '%', 'Internet Explorer', 'market share', null, null],
    ]);
    expect(read('en', '2005-01-10', [['The Karachi Stock Exchange (KSE) has recorded its largest single day gain, surging 3.5% to a new high.', 'The index rose 225.79 points in four hours of furious trading.']])).toEqual([
      ['surging 3.5%', 3.5, '%', 'Karachi Stock Exchange', 'index change', '2005-01-10', null],
      ['rose 225.79 points', 225.79, 'points', 'Karachi Stock Exchange', 'index change', '2005-01-10', null],
    ]);
    expect(read('en', '2005-01-10', [['Shares in Kestrel, listed on the London Stock Exchange, rose 2%.']])).toEqual([['rose 2%', 2, '%', 'Kestrel', 'stock change', '2005-01-10', 'United Kingdom']]);
  });

  it("reads a list item's bare numbers by the columns its heading lists in brackets", () => {
    const doc = {
      ...article('fixture', '2025-10-21', [
        ["Europe's smartphone shipments fell 2.4% in the third quarter to 31.2 million units, Lattice said."],
        ['Vendor shipments, Q3 2025 (million units, share, change in share)'],
        ['Samsung: 10.6, 34.0%, +0.8 pp'],
        ['Apple: 7.9, 25.3%, -1.6 pp'],
      ]),
      lang: 'en',
    };
    (doc.sentences[1] as Sentence).heading = true;
    const names = recogniseNames(doc, compileGazetteer(gazetteerSchema.parse([])));
    expect(described(extractFigures(doc, { subjects: new Map(), names })).slice(2)).toEqual([
      ['10.6', 10600000, 'units', 'Samsung', 'shipments', 'Q3 2025', 'Europe'],
      ['34.0%', 34, '%', 'Samsung', 'market share', 'Q3 2025', 'Europe'],
      ['+0.8 pp', 0.8, 'pp', 'Samsung', 'market share change', 'Q3 2025', 'Europe'],
      ['7.9', 7900000, 'units', 'Apple', 'shipments', 'Q3 2025', 'Europe'],
      ['25.3%', 25.3, '%', 'Apple', 'market share', 'Q3 2025', 'Europe'],
      ['-1.6 pp', -1.6, 'pp', 'Apple', 'market share change', 'Q3 2025', 'Europe'],
    ]);
  });

  it('reads a line of business opening a sentence, "revenue there" after a business, and a name the lexicon takes for a place that reports revenue as a company', () => {
    expect(
      read('en', '2026-04-28', [
        ['Paxton Stream said revenue rose 14% to $11.3 billion in the first quarter.'],
        ['Advertising, which the company has said could become a third of its business, brought in $980 million, or about 8.7% of the total.'],
      ]),
    ).toEqual([
      ['rose 14%', 14, '%', 'Paxton Stream', 'revenue change', 'Q1 2026', null],
      ['$11.3 billion', 11300000000, 'USD', 'Paxton Stream', 'revenue', 'Q1 2026', null],
      ['$980 million', 980000000, 'USD', 'Paxton Stream advertising business', 'revenue', 'Q1 2026', null],
      ['about 8.7%', 8.7, '%', 'Paxton Stream advertising business', 'revenue share', 'Q1 2026', null],
    ]);
    expect(
      read('en', '2025-12-10', [
        ['Velmora said sales fell 4% in the third quarter.'],
        ["The broker still expects the group's leather goods business to grow, forecasting revenue there of €2.1 billion in the quarter, which would be 45% of the total."],
      ]),
    ).toEqual([
      ['fell 4%', -4, '%', 'Velmora', 'sales change', 'Q3 2025', null],
      ['€2.1 billion', 2100000000, 'EUR', 'Velmora leather goods business', 'revenue forecast', 'Q3 2025', null],
      ['45%', 45, '%', 'Velmora leather goods business', 'revenue share', 'Q3 2025', null],
    ]);
  });

  it("reads a company's bare move as its shares' once the article has reported a move of shares", () => {
    expect(
      read('en', '2004-12-27', [
        ['Shares in Harbour Insurance fell 1.7% as the market speculated about the cost of rebuilding in Asia.'],
        ['Thai Airways shed almost 4%.', 'Resort operator Tanco Holdings slumped 5%.'],
      ]),
    ).toEqual([
      ['fell 1.7%', -1.7, '%', 'Harbour Insurance', 'stock change', '2004-12-27', null],
      ['shed almost 4%', -4, '%', 'Thai Airways', 'stock change', '2004-12-27', null],
      ['slumped 5%', -5, '%', 'Tanco Holdings', 'stock change', '2004-12-27', null],
    ]);
  });

  it('reads "the year to March" as a fiscal year: the one ended for a result, the one ending for a forecast', () => {
    expect(
      read('en', '2005-02-16', [
        ['Harbour Foods said pre-tax profit for the year ended March rose 12%.'],
        ['Harbour Foods expects revenue of $5bn for the year to March.'],
        ['Kelvin Group said revenue for its financial year to June 2004 rose 8%.'],
      ]),
    ).toEqual([
      ['rose 12%', 12, '%', 'Harbour Foods', 'profit change', 'fiscal 2004', null],
      ['$5bn', 5000000000, 'USD', 'Harbour Foods', 'revenue forecast', 'fiscal 2005', null],
      ['rose 8%', 8, '%', 'Kelvin Group', 'revenue change', 'fiscal 2004', null],
    ]);
  });

  it('reads "by 2009" after an amount still to come as the year forecast, and a deadline for a plan as no period', () => {
    expect(
      read('en', '2004-12-10', [
        ['The market for full-track music downloads was worth $20m in 2004, but is set to be worth $1.8 billion by 2009, according to Jupiter Research.'],
        ['Lintang plans to invest $1.2 billion in a new processing plant by 2027.'],
      ]),
    ).toEqual([
      ['$20m', 20000000, 'USD', 'full-track music download market', 'revenue', '2004', null],
      ['$1.8 billion', 1800000000, 'USD', 'full-track music download market', 'revenue', '2009', null],
      ['$1.2 billion', 1200000000, 'USD', 'Lintang', 'investment', null, null],
    ]);
  });

  it("names a market its adjective places as its place's (\"The Indian mobile gaming market\" is India's)", () => {
    expect(read('en', '2004-12-10', [['The Indian mobile gaming market is expected to generate about $26m this year.', "India's mobile gaming market will bring in about $336m by 2009."]])).toEqual([
      ['about $26m', 26000000, 'USD', 'India mobile gaming market', 'revenue forecast', '2004', 'India'],
      ['about $336m', 336000000, 'USD', 'India mobile gaming market', 'revenue', '2009', 'India'],
    ]);
    expect(read('en', '2004-12-10', [['The Japanese beer market shrank 3% in 2004.']])).toEqual([['shrank 3%', -3, '%', 'Japan beer market', 'shipments change', '2004', 'Japan']]);
    expect(read('en', '2005-02-10', [['Now the market for so-called "beer-like" drinks is set to grow 84% this year.']])).toEqual([['grow 84%', 84, '%', 'beer-like drink market', 'shipments change', '2005', null]]);
  });

  it("reads a share of a country's output as a production share, and \"an improvement on its current 2.5%\" as the same quantity before", () => {
    expect(read('en', '2004-12-10', [["Analysts said the deal would give Gazprom control of 8% of Russia's total oil production, an improvement on its current 2.5%."]])).toEqual([
      ['8%', 8, '%', 'Gazprom', 'production share', null, 'Russia'],
      ['2.5%', 2.5, '%', 'Gazprom', 'production share', null, 'Russia'],
    ]);
  });

  it('reads "added 2.2%" after a name as a move of the name, not as what it said', () => {
    expect(read('en', '2026-02-18', [['Developer Lung Wah Properties jumped 8.6% to HK$21.35, and insurer Pacific Harbour Life added 2.2%.']])).toEqual([
      ['jumped 8.6%', 8.6, '%', 'Lung Wah Properties', 'stock change', '2026-02-18', 'Hong Kong'],
      ['HK$21.35', 21.35, 'HKD', 'Lung Wah Properties', 'share price', '2026-02-18', 'Hong Kong'],
      ['added 2.2%', 2.2, '%', 'Pacific Harbour Life', 'stock change', '2026-02-18', 'Hong Kong'],
    ]);
  });

  it('gives a company\'s figure told before ", the company said" to the company', () => {
    expect(
      read('en', '2005-01-10', [
        ['US-German carmaker DaimlerChrysler has sold 2.1% more cars in 2004 than in the previous year, as solid Chrysler sales offset a weak showing for Mercedes.'],
        ['Sales totalled 3.9 million units worldwide during 2004, the company said at the Detroit Motor Show.'],
      ]),
    ).toEqual([
      ['2.1%', 2.1, '%', 'DaimlerChrysler', 'sales change', '2004', null],
      ['3.9 million units', 3900000, 'units', 'DaimlerChrysler', 'sales', '2004', 'global'],
    ]);
  });

  it("gives an opening phrase's figures to the main clause's subject", () => {
    expect(read('en', '2005-03-01', [['But despite a record profit in 2004 of 30.6bn yen, up 31.8% on the previous year, Asahi is coming late to the market.']])).toEqual([
      ['30.6bn yen', 30600000000, 'JPY', 'Asahi', 'profit', '2004', null],
      ['up 31.8%', 31.8, '%', 'Asahi', 'profit change', '2004', null],
    ]);
  });

  it('reads an index move in points and the same move restated after ", or", never points that are no index\'s', () => {
    expect(
      read('en', '2025-03-04', [
        ['In London, the FTSE 100 index closed 15 points higher at 4,751.', 'The Dow Jones Industrial Average fell 120.5 points, or 1.1%, to 10,512.'],
        ["Japan's Nikkei 225 lost 2.3%, or 340 points.", 'Arsenal are 5 points clear at the top of the league.'],
      ]),
    ).toEqual([
      ['15 points higher', 15, 'points', 'FTSE 100', 'index change at close', '2025-03-04', 'United Kingdom'],
      ['fell 120.5 points', -120.5, 'points', 'Dow Jones Industrial Average', 'index change at close', '2025-03-04', 'United States'],
      ['1.1%', -1.1, '%', 'Dow Jones Industrial Average', 'index change at close', '2025-03-04', 'United States'],
      // The report has given closes, and its later moves are the close's too.
      ['lost 2.3%', -2.3, '%', 'Nikkei 225', 'index change at close', '2025-03-04', 'Japan'],
      ['340 points', -340, 'points', 'Nikkei 225', 'index change at close', '2025-03-04', 'Japan'],
      ['5 points', 5, 'points', null, null, null, null],
    ]);
  });

  it('reads a move to "its lowest close" as the close, and a line a price crossed as no price', () => {
    expect(read('en', '2025-03-04', [['US light crude lost $2 to $43.25, its lowest close since September, having dived below $40 a barrel on Monday.']])).toEqual([
      ['lost $2', -2, 'USD', 'West Texas Intermediate', 'price change at close', '2025-03-04', null],
      ['$43.25', 43.25, 'USD', 'West Texas Intermediate', 'price', '2025-03-04', null],
      ['$40', 40, 'USD', 'West Texas Intermediate', null, null, null],
    ]);
  });

  it("reads a region's adjective as the market of the company's figure, never as a name, and the US as a market only where it is one", () => {
    expect(
      read('en', '2025-03-04', [
        ['Kestrel said revenue rose 8% to $4bn.', 'Asian sales jumped 20%, while North American revenue fell 3% and Central and Eastern European sales rose 12%.'],
        ['Sales in the US rose 4%, the US media group said.'],
      ]),
    ).toEqual([
      ['rose 8%', 8, '%', 'Kestrel', 'revenue change', null, null],
      ['$4bn', 4000000000, 'USD', 'Kestrel', 'revenue', null, null],
      ['jumped 20%', 20, '%', 'Kestrel', 'sales change', null, 'Asia'],
      ['fell 3%', -3, '%', 'Kestrel', 'revenue change', null, 'North America'],
      ['rose 12%', 12, '%', 'Kestrel', 'sales change', null, 'Central and Eastern Europe'],
      ['rose 4%', 4, '%', 'Kestrel', 'sales change', null, 'United States'],
    ]);
  });

  it('reads any country as a market, but not one named in a clause the figure is not in, nor a part of another country', () => {
    expect(read('en', '2025-03-04', [['Ambev lifted its share of Brazil\'s beer market to 68%.']])).toEqual([['68%', 68, '%', 'Ambev', 'market share', null, 'Brazil']]);
    expect(read('en', '2025-03-04', [['Halvorsen, for which Japan is the biggest market, held a 12% share of smartphone shipments.']])).toEqual([['12%', 12, '%', 'Halvorsen', 'market share', null, null]]);
    expect(read('zh', '2025-03-04', [['其中，内蒙古3月份原煤产量同比下降2.4%。']])).toEqual([['同比下降2.4%', -2.4, '%', 'Inner Mongolia', 'production change', 'March 2025', null]]);
  });

  it("sets a company's own price in no market an earlier sentence named, and lets a sentence without figures name the market only where none is yet", () => {
    expect(read('en', '2025-03-04', [["Ghana's cocoa harvest fell 17% to 650,000 tonnes.", 'Swiss group Lindqvist said it would raise the prices of its chocolate bars by about 9%.']])).toEqual([
      ['fell 17%', -17, '%', 'Ghana cocoa harvest', 'production change', null, 'Ghana'],
      ['650,000 tonnes', 650000, 'tonnes', 'Ghana cocoa harvest', 'production', null, 'Ghana'],
      ['about 9%', 9, '%', 'Lindqvist', 'price change', null, null],
    ]);
    expect(read('en', '2025-03-04', [['Smartphone shipments in Europe fell 4% in the third quarter.', 'The decline was concentrated in Western Europe.', 'Samsung held 34% of the market.']])).toEqual([
      ['fell 4%', -4, '%', 'Europe smartphone market', 'shipments change', 'Q3 2024', 'Europe'],
      ['34%', 34, '%', 'Samsung', 'market share', 'Q3 2024', 'Europe'],
    ]);
  });
});

describe('englishName', () => {
  it('names a company, a country or a kind of goods written in Chinese in English, its group suffix left out, and leaves any other name as it is', () => {
    expect(['小米集团', '小米', '印度尼西亚', '印尼', '中国', '新能源乘用车', '新能源车', '林堂镍业', 'Xiaomi'].map(englishName)).toEqual([
      'Xiaomi',
      'Xiaomi',
      'Indonesia',
      'Indonesia',
      'China',
      'new-energy vehicles',
      'new-energy vehicles',
      '林堂镍业',
      'Xiaomi',
    ]);
  });

  it('names a Chinese report\'s company by the English form it gives in brackets, wherever the article names it', () => {
    expect(
      readerWith(compileGazetteer(gazetteerSchema.parse([])))('zh', '2025-06-03', [['林堂镍业（Lintang Nickel Industries）在雅加达上市的股价周二下跌5.2%。', '林堂镍业一季度营收增长12%。']]),
    ).toEqual([
      ['下跌5.2%', -5.2, '%', 'Lintang Nickel Industries', 'stock change', '2025-06-03', 'Indonesia'],
      ['增长12%', 12, '%', 'Lintang Nickel Industries', 'revenue change', 'Q1 2025', null],
    ]);
  });
});

describe('extractFigures on Chinese market, earnings, deal and output reports', () => {
  const readChinese = readerWith(nerGazetteer);
  const read = (date: string, paragraphs: string[][]) => readChinese('zh', date, paragraphs);

  it('reads 创业板指 as the ChiNext Index, and a sentence opening 截至收盘 as setting its moves at the close', () => {
    expect(read('2026-03-10', [['截至收盘，上证指数跌0.5%；创业板指下跌1.2%。', '早盘沪指一度上涨0.4%。']])).toEqual([
      ['跌0.5%', -0.5, '%', 'Shanghai Composite Index', 'index change at close', '2026-03-10', 'China'],
      ['下跌1.2%', -1.2, '%', 'ChiNext Index', 'index change at close', '2026-03-10', 'China'],
      ['上涨0.4%', 0.4, '%', 'Shanghai Composite Index', 'index change', '2026-03-10', 'China'],
    ]);
  });

  it("reads a company's move and its 收报 quote as its shares', 涨幅 as a rise, 今年以来 and 年内 as since the year began, and a price in 元 as listed in China", () => {
    expect(read('2026-03-10', [['鼎辉电子大涨6.1%，收报23.40元，盘中最高触及24.05元。', '该股今年以来累计涨幅已达35%。'], ['泰岳生物停牌前收报18.20元，年内累计下跌7%。']])).toEqual([
      ['大涨6.1%', 6.1, '%', '鼎辉电子', 'stock change', '2026-03-10', 'China'],
      ['23.40元', 23.4, 'CNY', '鼎辉电子', 'share price', '2026-03-10', 'China'],
      ['24.05元', 24.05, 'CNY', '鼎辉电子', 'share price intraday high', '2026-03-10', 'China'],
      ['35%', 35, '%', '鼎辉电子', 'stock change year to date', '2026-03-10', 'China'],
      ['18.20元', 18.2, 'CNY', '泰岳生物', 'share price', '2026-03-10', 'China'],
      ['下跌7%', -7, '%', '泰岳生物', 'stock change year to date', '2026-03-10', 'China'],
    ]);
  });

  it("reads 交易总价 as a deal's value, not a price, and 协同节约 as its savings", () => {
    expect(read('2026-03-10', [['岭川医药拟收购泰宁生物。', '岭川医药表示，本次交易总价约为48亿元，预计每年可实现约2亿元的协同节约。']])).toEqual([
      ['48亿元', 4800000000, 'CNY', '岭川医药', 'deal value', null, null],
      ['2亿元', 200000000, 'CNY', '岭川医药', 'cost savings', null, null],
    ]);
  });

  it('reads every business a Chinese sentence names, a share of total revenue told before the figure, and a clause going on with the figure before', () => {
    expect(read('2025-10-30', [['晨光科技公布三季度业绩。', '其中，云服务业务收入为80亿元，同比增长30%，占总收入的比例升至42%；广告业务收入同比下降5%，至60亿元。']])).toEqual([
      ['80亿元', 8000000000, 'CNY', '晨光科技 cloud business', 'revenue', 'Q3 2025', null],
      ['同比增长30%', 30, '%', '晨光科技 cloud business', 'revenue change', 'Q3 2025', null],
      ['42%', 42, '%', '晨光科技 cloud business', 'revenue share', 'Q3 2025', null],
      ['同比下降5%', -5, '%', '晨光科技 advertising business', 'revenue change', 'Q3 2025', null],
      ['60亿元', 6000000000, 'CNY', '晨光科技 advertising business', 'revenue', 'Q3 2025', null],
    ]);
  });

  it("reads output statistics: the country's and a province's output, a company's share of the country's (占全国), the statistics' scope left out, coal by its grades", () => {
    expect(read('2026-04-20', [['2月份，全国原煤产量为3.6亿吨，同比增长4%。', '北辰煤业集团一季度原煤产量为0.9亿吨，约占全国产量的8%。'], ['山东2月份原煤产量同比下降1.2%。', '一季度，规上工业原煤产量10.2亿吨。'], ['港口动力煤价格较年初下跌约5%。']])).toEqual([
      ['3.6亿吨', 360000000, 'tonnes', 'China', 'production', 'February 2026', 'China'],
      ['同比增长4%', 4, '%', 'China', 'production change', 'February 2026', null],
      ['0.9亿吨', 90000000, 'tonnes', '北辰煤业集团', 'production', 'Q1 2026', null],
      ['8%', 8, '%', '北辰煤业集团', 'production share', 'Q1 2026', 'China'],
      ['同比下降1.2%', -1.2, '%', 'Shandong', 'production change', 'February 2026', null],
      ['10.2亿吨', 1020000000, 'tonnes', 'coal', 'production', 'Q1 2026', null],
      ['下跌约5%', -5, '%', 'thermal coal', 'price change year to date', '2026-04-20', null],
    ]);
  });

  it('reads 其中 as "of which", never as "its"; 我国 as China, whose sales are its market\'s; an index 收报 at a level as closed; and what is counted after the period a phrase names', () => {
    expect(read('2026-04-01', [['3月份我国汽车销量为290万辆，同比增长10%，其中新能源汽车销量为120万辆。'], ['深证成指收报10,250点，跌0.6%。'], ['去年一季度精炼铜产量为320万吨。']])).toEqual([
      ['290万辆', 2900000, 'units', 'China car market', 'sales', 'March 2026', 'China'],
      ['同比增长10%', 10, '%', 'China car market', 'sales change', 'March 2026', 'China'],
      ['120万辆', 1200000, 'units', 'new-energy vehicles', 'sales', 'March 2026', 'China'],
      ['跌0.6%', -0.6, '%', 'Shenzhen Component Index', 'index change at close', '2026-04-01', 'China'],
      ['320万吨', 3200000, 'tonnes', '精炼铜', 'production', 'Q1 2025', null],
    ]);
  });

  it('reads a mine the article names by its name as whose output it is, and an analyst\'s "may trade between" as a price forecast', () => {
    expect(read('2026-02-20', [['安第斯铜业表示，旗下萨尔塔维拉铜矿一季度产量预计同比减少约6%。']])).toEqual([['同比减少约6%', -6, '%', '萨尔塔维拉铜矿', 'production change', 'Q1 2026', null]]);
    expect(read('2026-02-20', [['某期货公司研究员表示，沪铜短期或在每吨76,000元至80,000元区间内震荡。']])).toEqual([
      ['每吨76,000元', 76000, 'CNY', 'copper', 'price forecast', null, 'Shanghai Futures Exchange'],
      ['80,000元', 80000, 'CNY', 'copper', 'price forecast', null, 'Shanghai Futures Exchange'],
    ]);
  });
});

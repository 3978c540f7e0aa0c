import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gazetteerSchema } from '../../src/config/schema.ts';
import { compileGazetteer } from '../../src/pipeline/analyse/entities.ts';
import { recogniseNames } from '../../src/pipeline/analyse/ner.ts';
import type { Sentence, SentenceId } from '../../src/core/types.ts';

const gazetteer = compileGazetteer(gazetteerSchema.parse(JSON.parse(readFileSync(new URL('../fixtures/ner/gazetteer.json', import.meta.url), 'utf8'))));

/** An article in `lang` from paragraphs of sentences. */
function article(lang: string, ...blocks: string[][]): { lang: string; sentences: Sentence[] } {
  const sentences = blocks.flatMap((texts, block) => texts.map((text, n) => ({ id: `s-${block}-${n}` as SentenceId, text, block, heading: false })));
  return { lang, sentences };
}

/** Each sentence's names as `as written→name/type`. */
function names(doc: { lang: string; sentences: Sentence[] }): string[][] {
  return recogniseNames(doc, gazetteer).map((spans, i) => spans.map((span) => `${doc.sentences[i]?.text.slice(span.start, span.end)}→${span.name}/${span.type}`));
}

describe('recogniseNames in English', () => {
  it('finds names the gazetteer lacks, joins their parts, strips titles and leads short forms to the full name', () => {
    const doc = article(
      'en',
      ['Royal Dutch Shell said on Tuesday that its profits rose 5% to $4.2bn.', 'Shell chief executive Jeroen van der Veer said the company would invest $15bn.'],
      ['Mr van der Veer told analysts in London that the Bank of England was cautious.'],
    );
    expect(names(doc)).toEqual([
      ['Royal Dutch Shell→Royal Dutch Shell/organization'],
      ['Shell→Royal Dutch Shell/organization', 'Jeroen van der Veer→Jeroen van der Veer/person'],
      ['van der Veer→Jeroen van der Veer/person', 'London→London/place', 'Bank of England→Bank of England/organization'],
    ]);
  });

  it('joins "of" only after a word heading an institution\'s name, and reads no name from "Global" or "PCs" opening a sentence', () => {
    const doc = article('en', ['Inbev said profits rose.', '"It is the Brazil business," said analyst Gerard Rijk of Inbev.', 'Global PC shipments fell, the University of Oxford said.']);
    expect(names(doc)).toEqual([
      ['Inbev→Inbev/organization'],
      ['Brazil→Brazil/place', 'Gerard Rijk→Gerard Rijk/person', 'Inbev→Inbev/organization'],
      ['University of Oxford→University of Oxford/organization'],
    ]);
  });

  it('lets the gazetteer win: its name for an alias, its type, and a name it lists even at a sentence start', () => {
    const doc = article('en', ['Mercury rose in London while Apple Inc. fell.', 'Quarterly sales at Nokia fell 9%, said Anna Berg, an analyst at Canalys.']);
    expect(names(doc)).toEqual([
      ['Mercury→Mercury/product', 'London→London/place', 'Apple Inc.→Apple/company'],
      ['Nokia→Nokia/organization', 'Anna Berg→Anna Berg/person', 'Canalys→Canalys/organization'],
    ]);
  });

  it('reads no name from a capitalised common word, a month, a weekday, a people or a heading', () => {
    const doc = article('en', ['Revenue fell in March, and British buyers waited until Friday.']);
    const heading = article('en', ['Revenue Falls At Harbour Foods']);
    (heading.sentences[0] as Sentence).heading = true;
    expect(names(doc)).toEqual([[]]);
    expect(names(heading)).toEqual([[]]);
  });

  it('reads no name from a region\'s adjective, however many words it has', () => {
    const doc = article('en', ['Harbour Foods said North American revenue fell, while Asian and Central and Eastern European sales rose.']);
    expect(names(doc)).toEqual([['Harbour Foods→Harbour Foods/organization']]);
  });

  it('keeps a capitalised common word inside a sentence as the first word of the name it stands before', () => {
    const doc = article('en', ['The firm said Sun Microsystems would sell time on its grid, as Allied Irish Banks did.']);
    expect(names(doc)).toEqual([['Sun Microsystems→Sun Microsystems/organization', 'Allied Irish Banks→Allied Irish Banks/organization']]);
  });

  it('reads a common word opening a sentence as a name where it acts as only a company does', () => {
    const doc = article('en', ['Next has said its annual profit will be £5m lower than expected.', "Next's shares fell more than 3%."], ['Next year, sales should recover.']);
    expect(names(doc)).toEqual([['Next→Next/organization'], ['Next→Next/organization'], []]);
    // Plurals and collectives say things too, and are no names.
    expect(names(article('en', ['Critics said the deal was too expensive.', 'Police said the raid failed.']))).toEqual([[], []]);
  });

  it('reads letters in capitals as a name of their own, not as the end of the name before them', () => {
    expect(names(article('en', ['Surfers are leaving Internet Explorer (IE).', 'Microsoft IE had 92.9% of users.']))).toEqual([
      ['Internet Explorer→Internet Explorer/organization', 'IE→Internet Explorer/organization'],
      ['Microsoft→Microsoft/organization', 'IE→Internet Explorer/organization'],
    ]);
  });

  it('reads the initials in brackets after a name as its short form, and not after part of a name', () => {
    const doc = article('en', ["Surfers are leaving Microsoft's Internet Explorer (IE).", 'WebSideStory said IE had 92.9% of users.', 'The National Company for Cooperative Insurance (NCCI) listed its shares.']);
    expect(names(doc)).toEqual([
      ['Microsoft→Microsoft/organization', 'Internet Explorer→Internet Explorer/organization', 'IE→Internet Explorer/organization'],
      ['WebSideStory→WebSideStory/organization', 'IE→Internet Explorer/organization'],
      ['National Company→National Company/company', 'Cooperative Insurance→Cooperative Insurance/organization', 'NCCI→NCCI/organization'],
    ]);
  });

  it('keeps a capitalised word right after a name as its last word, whatever the tagger read', () => {
    expect(names(article('en', ['Shares in Munich Re and Swiss Re both fell, and insurer Pacific Harbour Life added 2.2%.']))).toEqual([
      ['Munich Re→Munich Re/organization', 'Swiss Re→Swiss Re/organization', 'Pacific Harbour Life→Pacific Harbour Life/company'],
    ]);
  });

  it('reads no name from a unit written onto its number', () => {
    expect(names(article('en', ['Apple cut the price of its 40GB iPod, and 3G phones sold well.']))).toEqual([['Apple→Apple/company', 'iPod→iPod/product']]);
  });

  it('reads no name from an abbreviated month, its full stop included', () => {
    // "Dec." was read as a name and became the subject of the sample's Greater China revenue.
    const doc = article('en', ['Sales for the quarter ending Dec. 28 fell by 11%, and sales in Sept. rose.']);
    expect(names(doc)).toEqual([[]]);
  });

  it('types a name by the words around it: a role before a person, "firm" before a company', () => {
    const doc = article('en', ['Search engine firm Kettle said analyst Priya Raman expected more.']);
    expect(names(doc)).toEqual([['Kettle→Kettle/company', 'Priya Raman→Priya Raman/person']]);
  });
});

describe('recogniseNames in Chinese', () => {
  it("reads jieba's people, places and organisations, and the gazetteer's names in any language", () => {
    const doc = article(
      'zh',
      ['据Canalys称，2024年第四季度华为在中国智能手机市场的份额升至16%，苹果的出货量同比下降11%。', '小米公司第四季度出货量为1.2亿部。'],
      ['阿里巴巴集团董事长蔡崇信表示：“他们和中国的很多公司谈过，最后选择了我们。”'],
    );
    expect(names(doc)).toEqual([
      ['Canalys→Canalys/organization', '华为→Huawei/company', '中国→中国/place', '苹果→Apple/company'],
      ['小米→Xiaomi/company'],
      ['阿里巴巴→Alibaba/company', '蔡崇信→蔡崇信/person', '中国→中国/place'],
    ]);
  });
});

describe('recogniseNames in another language', () => {
  it("finds the gazetteer's names alone", () => {
    expect(names(article('fr', ['Apple et Alibaba ont signé à Paris.']))).toEqual([['Apple→Apple/company', 'Alibaba→Alibaba/company']]);
  });
});

describe('recogniseNames, a Chinese company the gazetteer lacks', () => {
  it('reads a name before 控股 or 公司 as a company, one ending in 集团 as an organisation', () => {
    expect(names(article('zh', ['传音控股在非洲的份额为40%。', '联想集团表示将继续投资。']))).toEqual([
      ['传音控股→传音控股/company', '非洲→非洲/place'],
      ['联想集团→联想集团/organization'],
    ]);
  });
});

describe('recogniseNames in Chinese: companies and facilities the tagger does not know', () => {
  it('reads a brand before its trade as a company, with its 集团 or 股份公司, but not a country before an industry', () => {
    const doc = article('zh', ['鼎辉电子周一公布，三季度营收增长12%。', '北辰煤业集团上半年产量增长5%。', '中国汽车市场销量下降2%，上海电气股份公司表示。']);
    expect(names(doc)).toEqual([['鼎辉电子→鼎辉电子/company'], ['北辰煤业集团→北辰煤业集团/company'], ['中国→中国/place', '上海电气股份公司→上海电气股份公司/company']]);
  });

  it('reads a province before its trade and 集团 as a company, a trade the tagger could not cut (海天/nz 味业/x) as one, and a country and a trade before a name as its description', () => {
    const doc = article('zh', ['山东黄金集团产量增长。', '海天味业营收同比下降2%。', '美国电气公司Voltra股价上涨。']);
    expect(names(doc)).toEqual([['山东黄金集团→山东黄金集团/company'], ['海天味业→海天味业/company'], ['美国→美国/place', 'Voltra→Voltra/organization']]);
  });

  it('leaves out a word the tagger glued to a company the article names alone elsewhere', () => {
    const doc = article('zh', ['与翰川新能不同，因岭川医药原因，需向泰宁生物支付。', '翰川新能、岭川医药与泰宁生物股价上涨。']);
    expect(names(doc)[0]).toEqual(['翰川新能→翰川新能/company', '岭川医药→岭川医药/company', '泰宁生物→泰宁生物/company']);
  });

  it('reads no name from a term used as a sector or a product ("锂电池龙头", "碳酸锂价格"), and a mine or a plant by its name', () => {
    const doc = article('zh', ['锂电池龙头鼎辉电子收跌2%，碳酸锂价格回落。', '该公司旗下的萨尔塔维拉铜矿产量下降了8%。', '智利铜矿产量增长。']);
    expect(names(doc)).toEqual([['鼎辉电子→鼎辉电子/company'], ['萨尔塔维拉铜矿→萨尔塔维拉铜矿/organization'], ['智利→智利/place']]);
  });

  it('reads a large company\'s long Chinese name however the tagger cut or typed it (紫金/n 矿业/n, 比亚迪/nr), and words it could not cut that announce results as a company', () => {
    const doc = article('zh', ['紫金矿业与比亚迪均发布了年报。', '远峰绿能发布公告称，预计一季度净利润为3亿元。', '营收发布。']);
    expect(names(doc)).toEqual([['紫金矿业→紫金矿业/company', '比亚迪→比亚迪/company'], ['远峰绿能→远峰绿能/company'], []]);
  });
});

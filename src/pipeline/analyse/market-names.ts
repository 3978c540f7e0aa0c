/**
 * The names a figure's meaning is read with that no name recogniser gives: where things trade
 * and what trades there. Each table is general knowledge of how financial news names markets,
 * not of any story: the places a sales figure is for, the exchanges commodities and shares trade
 * on, the stock indexes, the commodities whose price a "$48.54 a barrel" is, and the product
 * categories a research firm's market total counts ("the China smartphone market").
 *
 * Each compiles into one pattern per language, scanned once per sentence.
 */

/**
 * "sales in the US rose", "US sales", "the US and Europe": the country, as a market; "US media giant
 * TimeWarner", "Hexal's US affiliate": where a company is from, no market.
 */
const US_AS_PLACE = String.raw`(?=[,;:)]|\.(?!\w)|$| (?:and|or|where|last|this|since|in|for|by|as|rose|fell|grew|is|was|has|had)\b|(?: [a-z-]+)? (?:markets?|sales|revenues?|turnover|shipments|deliveries|registrations|demand|economy|consumers|customers|subscribers|users|prices|exports|imports|output|production|operations|business)\b)`;

/**
 * Places a quantity is measured in: the name a figure's `market` gets, and how English and Chinese
 * write it. Their adjectives before a market's word ("the Chinese smartphone market") are read with
 * every other region's, from `REGION_ADJECTIVES`.
 */
export const PLACE_MARKETS: readonly [name: string, english: string, chinese: string][] = [
  ['Greater China', 'Greater China', '大中华区'],
  ['China', String.raw`(?:mainland )?China`, '中国(?:大陆|内地)?(?:[\p{Script=Han}]{0,6}市场)?|(?<![\p{Script=Han}])国内市场|全国|我国'],
  ['Hong Kong', String.raw`Hong Kong(?!-listed)`, '香港(?!上市)'],
  ['India', 'India', '印度'],
  ['Japan', 'Japan', '日本'],
  ['United States', String.raw`United States|(?:U\.S\.|US|(?<!(?:of|Latin|North|South|Central) )America)${US_AS_PLACE}`, '美国'],
  ['United Kingdom', String.raw`United Kingdom|Britain|UK(?= [a-z]|[.,;:)]|$)`, '英国'],
  ['Europe', String.raw`Europe|European Union|the EU\b`, '欧洲|欧盟'],
  ['Germany', 'Germany', '德国'],
  ['Sweden', 'Sweden', '瑞典'],
  ['global', String.raw`[Gg]lobal(?= (?:[a-z-]+ |[A-Z]{2,4}s? )?(?:market|shipments|sales|revenue|supply|output|production|demand))|globally|worldwide|[Ww]orldwide|[Gg]lobally|the world(?:'s)?(?= (?:[a-z-]+ )?(?:market|supply|output|production))`, '全球'],
  ['eurozone', String.raw`euro ?zone|Euro ?zone`, '欧元区'],
];

/**
 * A region's adjective, as a figure's market ("Asian sales", "the Brazilian beer market"), never a
 * name: the market each names. The countries' own names come from ICU (`countryMarkets`); their
 * adjectives are no data Node carries, so the common ones are listed here.
 */
const REGION_ADJECTIVES: readonly [adjective: string, market: string][] = [
  ['Central and Eastern European', 'Central and Eastern Europe'], ['Eastern European', 'Eastern Europe'], ['Western European', 'Western Europe'],
  ['Central European', 'Central Europe'], ['North American', 'North America'], ['South American', 'South America'], ['Latin American', 'Latin America'],
  ['Middle Eastern', 'Middle East'], ['Asia-Pacific', 'Asia-Pacific'], ['Asian', 'Asia'], ['African', 'Africa'], ['South African', 'South Africa'],
  ['Scandinavian', 'Scandinavia'], ['Nordic', 'Nordic countries'], ['European', 'Europe'], ['American', 'United States'], ['Chinese', 'China'],
  ['Indian', 'India'], ['Japanese', 'Japan'], ['British', 'United Kingdom'], ['German', 'Germany'], ['Swedish', 'Sweden'], ['French', 'France'],
  ['Italian', 'Italy'], ['Spanish', 'Spain'], ['Portuguese', 'Portugal'], ['Dutch', 'Netherlands'], ['Belgian', 'Belgium'], ['Swiss', 'Switzerland'],
  ['Austrian', 'Austria'], ['Irish', 'Ireland'], ['Polish', 'Poland'], ['Czech', 'Czech Republic'], ['Hungarian', 'Hungary'], ['Greek', 'Greece'],
  ['Turkish', 'Turkey'], ['Russian', 'Russia'], ['Ukrainian', 'Ukraine'], ['Norwegian', 'Norway'], ['Danish', 'Denmark'], ['Finnish', 'Finland'],
  ['Brazilian', 'Brazil'], ['Mexican', 'Mexico'], ['Argentine', 'Argentina'], ['Argentinian', 'Argentina'], ['Chilean', 'Chile'], ['Colombian', 'Colombia'],
  ['Peruvian', 'Peru'], ['Canadian', 'Canada'], ['Australian', 'Australia'], ['South Korean', 'South Korea'], ['Korean', 'South Korea'],
  ['Taiwanese', 'Taiwan'], ['Indonesian', 'Indonesia'], ['Malaysian', 'Malaysia'], ['Thai', 'Thailand'], ['Vietnamese', 'Vietnam'],
  ['Philippine', 'Philippines'], ['Singaporean', 'Singapore'], ['Pakistani', 'Pakistan'], ['Saudi', 'Saudi Arabia'], ['Israeli', 'Israel'],
  ['Iranian', 'Iran'], ['Egyptian', 'Egypt'], ['Nigerian', 'Nigeria'], ['Kenyan', 'Kenya'],
];

/** What a region's adjective says is a market's: "Asian sales", "the Brazilian beer market", "European operations". */
const MARKET_NOUN = String.raw`(?= (?:[a-z-]+ ){0,2}(?:markets?|sales|revenues?|turnover|shipments|deliveries|registrations|demand|operations|business(?:es)?|units?|divisions?|arms?|profits?|earnings|exports|imports|output|production|customers|subscribers|consumers|buyers|shoppers|households|homes|supermarkets|shops|stores|retailers)\b)`;

const ADJECTIVE_WORDS = [...new Set(REGION_ADJECTIVES.flatMap(([adjective]) => adjective.split(' ')).filter((word) => word !== 'and'))].join('|');
const ADJECTIVE_WORD = new RegExp(`^(?:${ADJECTIVE_WORDS})$`);
const REGION_ADJECTIVE = new RegExp(`^(?:(?:North|South|East|West|Eastern|Western|Central|Northern|Southern)\\s+)?(?:${REGION_ADJECTIVES.map(([adjective]) => adjective).join('|')})$`);
/** " and Eastern European": a run of region adjectives going on after "Central". */
const ADJECTIVE_RUN_AFTER = new RegExp(`^\\s+and\\s+(?:(?:${ADJECTIVE_WORDS})\\s+)*(?:${ADJECTIVE_WORDS})\\b`);

/** The place a region's adjective names ("Indian" → India, "North American" → North America), or null. */
export function placeOfAdjective(adjective: string): string | null {
  return REGION_ADJECTIVES.find(([written]) => written === adjective)?.[1] ?? null;
}

/**
 * "Asian", "North American", "Central and Eastern European": an adjective of a region, which names
 * no one (a name recogniser may take it for a company's name). `after`: the text that follows, where
 * a run goes on ("Central", then " and Eastern European").
 */
export function isRegionAdjective(text: string, after = ''): boolean {
  // "US-German carmaker DaimlerChrysler", "Anglo-Dutch": where a company is from, in two places.
  if (/^\p{L}+(?:-\p{L}+)+$/u.test(text) && text.split('-').every((part) => /^(?:US|UK|EU|Anglo|Franco|Sino|Indo|Euro)$/.test(part) || ADJECTIVE_WORD.test(part))) return true;
  if (!text.split(/\s+/).every((word) => ADJECTIVE_WORD.test(word))) return false;
  return REGION_ADJECTIVE.test(text) || ADJECTIVE_RUN_AFTER.test(after);
}

/** Regions news names beyond countries: continents and their parts. */
const REGION_NAMES: readonly [name: string, english: string, chinese: string][] = [
  ['Central and Eastern Europe', 'Central and Eastern Europe', '中东欧'], ['Eastern Europe', 'Eastern Europe', '东欧'], ['Western Europe', 'Western Europe', '西欧'],
  ['Central Europe', 'Central Europe', '中欧'], ['North America', 'North America', '北美'], ['South America', 'South America', '南美'],
  ['Latin America', 'Latin America', '拉美|拉丁美洲'], ['Middle East', String.raw`(?:the )?Middle East`, '中东'], ['Asia-Pacific', 'Asia[- ]Pacific', '亚太'],
  ['Asia', 'Asia', '亚洲'], ['Africa', 'Africa', '非洲'], ['Scandinavia', 'Scandinavia', '北欧'],
];

/** Parts of a country whose names end in another country's ("Inner Mongolia", 内蒙古): never that country. */
const INSIDE_OTHER_NAMES: Record<string, [english: string, chinese: string]> = { Mongolia: ['Inner ', '内'], Mexico: ['New ', '新'], Ireland: ['Northern ', '北'] };

/** ICU names that are also common words, people's or companies' names, and its odd forms, as news writes them. */
const COUNTRY_FORMS: Record<string, string | null> = {
  Jordan: null, Georgia: null, Chad: null, Jersey: null, Guernsey: null, 'Isle of Man': null, 'Christmas Island': null, 'Pseudo-Accents': null, 'Pseudo-Bidi': null,
  'Hong Kong SAR China': null, 'Macao SAR China': 'Macau|Macao', 'Myanmar (Burma)': 'Myanmar|Burma', 'Congo - Kinshasa': 'Democratic Republic of (?:the )?Congo|DR Congo',
  'Congo - Brazzaville': 'Republic of (?:the )?Congo', 'Côte d’Ivoire': "Ivory Coast|Côte d['’]Ivoire", Türkiye: 'Turkey|Türkiye', Czechia: 'Czech Republic|Czechia',
};
const MARKET_NAMES: Record<string, string> = { 'Côte d’Ivoire': 'Ivory Coast', Türkiye: 'Turkey', Czechia: 'Czech Republic', 'Macao SAR China': 'Macau', 'Myanmar (Burma)': 'Myanmar', 'Congo - Kinshasa': 'DR Congo', 'Congo - Brazzaville': 'Republic of the Congo' };

/** ISO 3166 codes that are no place (user-assigned, unknown, the UN). */
const NOT_A_COUNTRY = /^(?:Q[M-Z]|X[A-Z]|ZZ|AA|UN|EU|EZ)$/;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let countryMarketRows: (readonly [name: string, english: string, chinese: string])[] | undefined;

/**
 * Every place a figure can be measured in, beyond `PLACE_MARKETS`: each country by its English and
 * Chinese names from ICU, the regions news names, and what their adjectives say before a market's
 * word. A place a name recogniser finds is not enough: "Brazil's beer market" names its market
 * whether or not the recogniser typed Brazil a place.
 */
export function countryMarkets(): readonly (readonly [name: string, english: string, chinese: string])[] {
  if (countryMarketRows) return countryMarketRows;
  const listed = new Set(PLACE_MARKETS.map(([name]) => name));
  const rows: [string, string, string][] = [...REGION_NAMES];
  for (const { code, english, chinese } of regions()) {
    if (NOT_A_COUNTRY.test(code) || listed.has(english)) continue;
    const form = english in COUNTRY_FORMS ? COUNTRY_FORMS[english] : escape(english).replace(/^St\\\. /, String.raw`(?:St\.?|Saint) `).replace(/ & /g, ' (?:&|and) ');
    if (form === null || form === undefined) continue;
    const [before, beforeChinese] = INSIDE_OTHER_NAMES[english] ?? [];
    rows.push([MARKET_NAMES[english] ?? english, before ? `(?<!${before})(?:${form})` : form, chinese ? `${beforeChinese ? `(?<!${beforeChinese})` : ''}${escape(chinese)}` : '(?!)']);
  }
  for (const [adjective, market] of REGION_ADJECTIVES) rows.push([market, `${escape(adjective)}${MARKET_NOUN}`, '(?!)']);
  return (countryMarketRows = rows);
}

/**
 * Commodity exchanges, named as a commodity price's market: by the exchange's name or short
 * name, and by its city where a price is given "in Shanghai" or "London copper". ICE Futures U.S.
 * and Nymex trade in New York, and are named by the city, as markets reports name them.
 */
export const EXCHANGES: readonly [name: string, english: string, chinese: string][] = [
  ['London Metal Exchange', String.raw`London Metal Exchange|LME`, '伦敦金属交易所|LME|伦铜|伦镍|伦铝|伦锌|伦敦(?=[铜镍铝锌锡])|伦敦金属'],
  ['Shanghai Futures Exchange', String.raw`Shanghai Futures Exchange|SHFE|Shanghai(?! Composite| Stock)`, '上海期货交易所|上期所|沪(?=[铜镍铝锌锡金银])|上海(?=[铜镍铝锌锡])'],
  ['New York', String.raw`ICE Futures U\.?S\.?|Comex|COMEX|Nymex|NYMEX|New York Mercantile Exchange|New York`, '纽约商品交易所|纽约商业交易所|COMEX|纽约'],
  ['London', String.raw`ICE Futures Europe|London`, '伦敦'],
  // ICE alone: its New York market for the softs it lists there, its London one for Brent and robusta.
  ['ICE', String.raw`ICE|Intercontinental Exchange`, 'ICE|洲际交易所'],
  ['Chicago', String.raw`Chicago Board of Trade|CBOT|Chicago`, '芝加哥'],
  ['Dalian Commodity Exchange', String.raw`Dalian Commodity Exchange|Dalian`, '大连商品交易所|大商所'],
  ['Zhengzhou Commodity Exchange', String.raw`Zhengzhou Commodity Exchange|Zhengzhou`, '郑州商品交易所|郑商所'],
];
/** Metals trade in London on the London Metal Exchange: "London copper" is the LME's price. */
export const LONDON_METALS = /^(?:copper|nickel|aluminium|zinc|tin|lead|cobalt)$/;
/** What ICE lists in London (ICE Futures Europe); its other commodities trade in New York (ICE Futures U.S.). */
export const ICE_LONDON = /^(?:Brent crude|robusta coffee|gasoil|natural gas)$/;

/**
 * Where a share trades, named by its exchange, its city, its index or its currency ("HK$",
 * pence): the `market` of a share price, a share's move and a market value.
 */
export const LISTINGS: readonly [name: string, english: string, chinese: string][] = [
  ['Hong Kong', String.raw`Hong Kong|HK(?=\$)|Hang Seng`, '港股|香港|港元|港币|恒生'],
  ['United States', String.raw`New York|Nasdaq|NYSE|Wall Street|S&P 500|Dow Jones|U\.S\.-listed|US-listed|U\.S\. shares|U\.S\. stock`, '美股|纽约|纳斯达克|纽交所|美国上市'],
  ['China', String.raw`Shanghai|Shenzhen|mainland-listed`, '上海|深圳|A股|沪市|深市'],
  ['United Kingdom', String.raw`London|FTSE|pence|\d+(?:\.\d+)?p\b`, '伦敦|英国上市'],
  ['Japan', String.raw`Tokyo|Nikkei|Topix`, '东京|日股'],
  ['Germany', String.raw`Frankfurt|DAX|Xetra`, '法兰克福'],
  ['France', String.raw`Paris|CAC 40`, '巴黎'],
  ['Switzerland', String.raw`Zurich|SIX Swiss`, '苏黎世'],
  ['Sweden', String.raw`Stockholm`, '斯德哥尔摩'],
  ['Indonesia', String.raw`Jakarta`, '雅加达'],
  ['India', String.raw`Mumbai|Sensex|Nifty`, '孟买'],
  ['South Korea', String.raw`Seoul|Kospi`, '首尔'],
  ['Australia', String.raw`Sydney|ASX`, '悉尼'],
  ['Canada', String.raw`Toronto|TSX`, '多伦多'],
];

/** Stock indexes: a move of one is an index's, never a company's; its market is where it is listed. */
export const INDEXES: readonly [name: string, english: string, chinese: string, market: string][] = [
  ['FTSE 100', String.raw`FTSE 100|FTSE-100|Footsie`, '富时100', 'United Kingdom'],
  ['FTSE 250', String.raw`FTSE 250`, '富时250', 'United Kingdom'],
  ['S&P 500', String.raw`S&P 500|S&P500|Standard & Poor's 500`, '标普500', 'United States'],
  ['Nasdaq Composite', String.raw`Nasdaq Composite|Nasdaq(?! 100| Stock| Exchange|-listed)`, '纳斯达克综合指数|纳指', 'United States'],
  ['Nasdaq 100', String.raw`Nasdaq 100`, '纳斯达克100', 'United States'],
  ['Dow Jones Industrial Average', String.raw`Dow Jones Industrial Average|Dow Jones|the Dow`, '道琼斯|道指', 'United States'],
  ['Hang Seng Tech Index', String.raw`Hang Seng Tech(?: Index)?`, '恒生科技指数|恒生科指', 'Hong Kong'],
  ['Hang Seng Index', String.raw`Hang Seng(?: Index)?`, '恒生指数|恒指', 'Hong Kong'],
  ['Shanghai Composite Index', String.raw`Shanghai Composite(?: Index)?`, '上证综指|上证指数|沪指', 'China'],
  ['Shenzhen Component Index', String.raw`Shenzhen Component(?: Index)?`, '深证成指|深成指', 'China'],
  ['ChiNext Index', String.raw`ChiNext(?: Index)?`, '创业板指数|创业板指(?!数)', 'China'],
  ['STAR 50', String.raw`STAR 50(?: Index)?`, '科创50', 'China'],
  ['SSE 50', String.raw`SSE 50(?: Index)?`, '上证50', 'China'],
  ['CSI 300', String.raw`CSI 300`, '沪深300', 'China'],
  ['CSI 500', String.raw`CSI 500`, '中证500', 'China'],
  ['CSI 1000', String.raw`CSI 1000`, '中证1000', 'China'],
  ['Nikkei 225', String.raw`Nikkei(?: 225| average| index)?`, '日经225|日经指数', 'Japan'],
  ['Topix', 'Topix', '东证指数', 'Japan'],
  ['DAX', String.raw`DAX(?: index)?`, 'DAX', 'Germany'],
  ['CAC 40', 'CAC 40|CAC-40', 'CAC40', 'France'],
  ['Stoxx 600', String.raw`(?:STOXX|Stoxx) (?:Europe )?600`, '斯托克600', 'Europe'],
  ['Kospi', 'Kospi|KOSPI', '韩国综合指数', 'South Korea'],
  ['S&P/ASX 200', String.raw`S&P/ASX 200|ASX 200`, '澳洲标普200|澳大利亚S&P/ASX 200', 'Australia'],
  ['Sensex', 'Sensex', '孟买敏感指数', 'India'],
  ['Nifty 50', 'Nifty(?: 50)?', 'Nifty', 'India'],
];

/**
 * Commodities, by the name a price of theirs is filed under. Benchmarks that trade apart keep
 * their own names (Brent, West Texas Intermediate, arabica and robusta coffee); Chinese names
 * only where they cannot be part of another word (铜价, 沪镍, 黄金, not 金 of 金融).
 */
/**
 * Words after "tin" or "lead" that make it the metal, not the verb or the can: "Tin finished the
 * session higher", "lead prices", "Lead has risen 4%".
 */
const METAL_VERBS = 'prices?|futures|contracts?|rose|fell|was|is|at|on|in|ended|closed|settled|finished|gained|lost|added|slipped|dropped|climbed|eased|edged|jumped|slid|has|had|traded|hit|touched|firmed|weakened|shed|rallied|tumbled|advanced|declined|rebounded|fell|dipped|stocks|output|production|supply|supplies|demand|market';

export const COMMODITIES: readonly [name: string, english: string, chinese: string][] = [
  ['Brent crude', String.raw`Brent(?: crude)?(?: oil)?(?: futures)?`, '布伦特原油|布伦特'],
  // "US light crude", "U.S. crude futures": the American benchmark, WTI.
  ['West Texas Intermediate', String.raw`(?:U\.S\. |US )?West Texas Intermediate(?: crude)?(?: oil)?(?: futures)?|WTI(?: crude)?(?: oil)?|(?:U\.S\.|US) (?:light,? )?(?:sweet )?crude(?: oil)?(?: futures)?`, 'WTI原油|WTI|美国原油'],
  ['oil', String.raw`(?:US |U\.S\. |light |sweet |crude |heating )*(?:crudes?|oil)(?! (?:company|companies|firms?|majors?|producers?|groups?|giants?|industry|sector|stocks|shares))`, '原油|油价|国际油价'],
  ['natural gas', 'natural gas', '天然气'],
  ['arabica coffee', String.raw`arabica(?: coffee)?`, '阿拉比卡咖啡|阿拉比卡'],
  ['robusta coffee', String.raw`robusta(?: coffee)?`, '罗布斯塔咖啡|罗布斯塔'],
  ['coffee', 'coffee', '咖啡'],
  ['cocoa', 'cocoa', '可可'],
  ['sugar', 'sugar', '原糖|白糖|糖价'],
  ['wheat', 'wheat', '小麦'],
  ['corn', 'corn', '玉米'],
  ['soybeans', 'soybeans?|soya', '大豆'],
  ['cotton', 'cotton', '棉花'],
  ['gold', 'gold', '黄金|金价|沪金|期金'],
  ['silver', 'silver', '白银|银价|沪银'],
  ['platinum', 'platinum', '铂金'],
  ['palladium', 'palladium', '钯金'],
  ['copper', 'copper', '铜价|沪铜|伦铜|期铜|铜期货|[沪伦]?铜(?=主力|期货|合约|价格|矿|产量|供应|[价库])'],
  ['nickel', 'nickel', '镍价|沪镍|伦镍|期镍|镍期货|[沪伦]?镍(?=主力|期货|合约|价格|矿|产量|供应|生铁|[价库])'],
  ['aluminium', 'aluminium|aluminum', '铝价|沪铝|伦铝|期铝|铝期货|[沪伦]?铝(?=主力|期货|合约|价格|矿|产量|供应|[价库])'],
  ['zinc', 'zinc', '锌价|沪锌|伦锌|期锌|锌期货|[沪伦]?锌(?=主力|期货|合约|价格|矿|产量|供应|[价库])'],
  ['tin', String.raw`tin(?= (?:${METAL_VERBS}))`, '锡价|沪锡|伦锡|期锡|锡期货|[沪伦]?锡(?=主力|期货|合约|价格|矿|产量|供应|[价库])'],
  ['lead', String.raw`lead(?= (?:${METAL_VERBS}))`, '铅价|沪铅|伦铅|期铅|铅期货|[沪伦]?铅(?=主力|期货|合约|价格|矿|产量|供应|[价库])'],
  ['thermal coal', 'thermal coal|steam coal', '动力煤'],
  ['coking coal', 'coking coal|metallurgical coal', '炼焦煤|焦煤'],
  // "coal deposits", "coal-fired": coal in English is a price's only where the words say so.
  ['coal', String.raw`coal(?= (?:prices?|futures|contracts?)\b)`, '原煤|煤炭|煤价'],
  ['iron ore', 'iron ore', '铁矿石'],
  ['stainless steel', 'stainless steel', '不锈钢'],
  ['rebar', 'rebar|steel rebar', '螺纹钢'],
  ['steel', 'steel', '钢材|钢价'],
  ['lithium', String.raw`lithium(?: carbonate)?`, '碳酸锂|锂价'],
  ['cobalt', 'cobalt', '钴价'],
  ['petrol', 'petrol|gasoline', '汽油'],
  ['diesel', 'diesel', '柴油'],
];

/**
 * Products a research firm counts a market of: "smartphone shipments in China" are the China
 * smartphone market's. English words as the text may write them, singular or plural; the name
 * is the singular a market is named by.
 */
export const PRODUCTS: readonly [name: string, english: string, chinese: string][] = [
  ['smartphone', 'smartphones?', '智能手机'],
  ['mobile phone', 'mobile phones?|mobiles|handsets?|cellphones?', '手机'],
  ['tablet', 'tablets?|iPads?', '平板电脑|平板'],
  ['PC', "PCs?|personal computers?|laptops?|notebooks?|computers?", '个人电脑|电脑|笔记本电脑|PC'],
  ['smartwatch', 'smartwatch(?:es)?|smart watch(?:es)?', '智能手表'],
  ['wearables', 'wearables?|wearable devices?', '可穿戴设备|可穿戴'],
  ['TV', 'TVs?|televisions?', '电视'],
  ['car', 'cars?|vehicles?|passenger cars?|passenger vehicles?|registrations', '乘用车|汽车'],
];

/**
 * Businesses a Chinese report names by what they sell (数据中心业务, 云业务): the English words
 * the business is named by, so that a Chinese report's "数据中心业务收入" is the same business's
 * revenue as an English report's "data-centre revenue".
 */
export const CHINESE_BUSINESSES: readonly [english: string, chinese: string][] = [
  ['data-centre', '数据中心'],
  ['cloud', '云计算|云服务|云'],
  ['advertising', '广告'],
  ['services', '服务'],
  ['gaming', '游戏'],
  ['consumer electronics', '消费电子'],
  ['automotive', '汽车'],
  ['e-commerce', '电商|电子商务'],
  ['smartphone', '智能手机|手机'],
];

/**
 * The English names of companies that Chinese reports name in Chinese, so that a Chinese report's
 * figure for 小米 and an English report's for Xiaomi are one fact. General knowledge of how the
 * Chinese press names large listed companies (electronics, internet, cars, chips, banks, miners,
 * oil); a user's `content/entities.json` names any other, and wins over this list.
 */
const CHINESE_COMPANIES: readonly [english: string, chinese: string][] = [
  ['Apple', '苹果'],
  ['Huawei', '华为'],
  ['Xiaomi', '小米'],
  ['Honor', '荣耀'],
  ['Samsung', '三星'],
  ['Lenovo', '联想'],
  ['Transsion', '传音'],
  ['Sony', '索尼'],
  ['Alibaba', '阿里巴巴'],
  ['Tencent', '腾讯'],
  ['Baidu', '百度'],
  ['JD.com', '京东'],
  ['Meituan', '美团'],
  ['ByteDance', '字节跳动'],
  ['PDD', '拼多多'],
  ['NetEase', '网易'],
  ['Microsoft', '微软'],
  ['Google', '谷歌'],
  ['Amazon', '亚马逊'],
  ['Nvidia', '英伟达'],
  ['Intel', '英特尔'],
  ['Qualcomm', '高通'],
  ['TSMC', '台积电'],
  ['SMIC', '中芯国际'],
  ['BYD', '比亚迪'],
  ['Tesla', '特斯拉'],
  ['Geely', '吉利'],
  ['NIO', '蔚来'],
  ['Xpeng', '小鹏'],
  ['Li Auto', '理想汽车'],
  ['CATL', '宁德时代'],
  ['Toyota', '丰田'],
  ['Volkswagen', '大众'],
  ['BMW', '宝马'],
  ['Mercedes-Benz', '奔驰|梅赛德斯-奔驰'],
  ['Glencore', '嘉能可'],
  ['BHP', '必和必拓'],
  ['Rio Tinto', '力拓'],
  ['Vale', '淡水河谷'],
  ['Codelco', '智利国家铜业公司|智利国家铜业'],
  ['Zijin Mining', '紫金矿业'],
  ['Shell', '壳牌'],
  ['BP', '英国石油'],
  ['ExxonMobil', '埃克森美孚'],
  ['Saudi Aramco', '沙特阿美'],
  ['HSBC', '汇丰'],
  ['Goldman Sachs', '高盛'],
  ['Morgan Stanley', '摩根士丹利|大摩'],
  ['JPMorgan', '摩根大通|小摩'],
];

/** Short forms of country names the Chinese press uses, beside the full names ICU gives. */
const CHINESE_PLACE_SHORT_FORMS: readonly [english: string, chinese: string][] = [
  ['Indonesia', '印尼'],
  ['Saudi Arabia', '沙特'],
  ['Australia', '澳洲'],
  ['United Arab Emirates', '阿联酋'],
];

/**
 * China's provinces, regions and municipalities, whose output and growth Chinese statistics
 * report one by one ("内蒙古原煤产量"): their English names, as a province's figures are compared.
 */
const CHINESE_PROVINCES: readonly [english: string, chinese: string][] = [
  ['Beijing', '北京'], ['Tianjin', '天津'], ['Hebei', '河北'], ['Shanxi', '山西'], ['Inner Mongolia', '内蒙古'], ['Liaoning', '辽宁'],
  ['Jilin', '吉林'], ['Heilongjiang', '黑龙江'], ['Shanghai', '上海'], ['Jiangsu', '江苏'], ['Zhejiang', '浙江'], ['Anhui', '安徽'],
  ['Fujian', '福建'], ['Jiangxi', '江西'], ['Shandong', '山东'], ['Henan', '河南'], ['Hubei', '湖北'], ['Hunan', '湖南'],
  ['Guangdong', '广东'], ['Guangxi', '广西'], ['Hainan', '海南'], ['Chongqing', '重庆'], ['Sichuan', '四川'], ['Guizhou', '贵州'],
  ['Yunnan', '云南'], ['Tibet', '西藏'], ['Shaanxi', '陕西'], ['Gansu', '甘肃'], ['Qinghai', '青海'], ['Ningxia', '宁夏'], ['Xinjiang', '新疆'],
];

/** Kinds of goods Chinese statistics count whose English name is no product of `PRODUCTS`: the name English reports give them. */
const CHINESE_GOODS: readonly [english: string, chinese: string][] = [
  ['new-energy vehicles', '新能源乘用车|新能源汽车|新能源车'],
  ['electric vehicles', '纯电动汽车|纯电动车|电动汽车|电动车'],
];

let englishNames: Map<string, string> | undefined;
let chineseCompanyNames: Set<string> | undefined;

/** Whether a Chinese word is how the Chinese press names a large company (小米, 联想), not a common word. */
export function isChineseCompanyName(word: string): boolean {
  chineseCompanyNames ??= new Set(CHINESE_COMPANIES.flatMap(([, chinese]) => chinese.split('|')));
  return chineseCompanyNames.has(word);
}

let longChineseCompanyNames: readonly string[] | undefined;

/**
 * The names of large companies the Chinese press writes in three characters or more (比亚迪,
 * 紫金矿业, 宁德时代), longest first: no common word is one, so they are the company wherever they
 * stand, however the tagger cut them.
 */
export function longChineseCompanyNamesList(): readonly string[] {
  longChineseCompanyNames ??= CHINESE_COMPANIES.flatMap(([, chinese]) => chinese.split('|'))
    .filter((name) => [...name].length >= 3)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return longChineseCompanyNames;
}

let regionList: readonly Region[] | undefined;

export interface Region {
  /** ISO 3166 code. */
  code: string;
  english: string;
  chinese: string | undefined;
}

/** Every region ICU names in English (with its Chinese name where it has one), from the ICU data Node carries; made once. */
export function regions(): readonly Region[] {
  if (regionList) return regionList;
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const chinese = new Intl.DisplayNames(['zh'], { type: 'region', fallback: 'none' });
  const list: Region[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = english.of(code);
      if (name) list.push({ code, english: name, chinese: chinese.of(code) });
    }
  }
  return (regionList = list);
}

/**
 * The English name of a company, a country, a Chinese province or a kind of goods written in Chinese
 * (小米 → Xiaomi, 印度尼西亚 and 印尼 → Indonesia, 内蒙古 → Inner Mongolia, 新能源车 → new-energy
 * vehicles), its "group" or "company" suffix left out (小米集团 → Xiaomi); the name itself when it is
 * not one of them.
 */
export function englishName(name: string): string {
  if (!/\p{Script=Han}/u.test(name)) return name;
  if (!englishNames) {
    englishNames = new Map();
    for (const [english, chinese] of [...CHINESE_COMPANIES, ...CHINESE_PLACE_SHORT_FORMS, ...CHINESE_PROVINCES, ...CHINESE_GOODS]) for (const form of chinese.split('|')) englishNames.set(form, english);
    for (const { english, chinese } of regions()) if (chinese && !englishNames.has(chinese)) englishNames.set(chinese, english);
  }
  return englishNames.get(name) ?? englishNames.get(name.replace(/(?:集团|公司|控股|股份|有限公司|股份有限公司)+$/u, '')) ?? name;
}

/**
 * The search page: results as you type from Pagefind's index, each with the sentences or facts
 * that answer the query (matched words marked, each a link that lands on its sentence), filters,
 * sort by date, arrow-key navigation, and a URL that always says what is on screen.
 *
 * Pagefind's JS API does the searching; the interface is this page's own, so a result can list
 * sentence-level passages (Pagefind's UI lists only headings) and stays plain, accessible HTML:
 * real links, a heading per result, counts announced through a live region.
 */
import {
  FILTERS,
  findPassages,
  formatDay,
  mergeByDate,
  otherLanguages,
  readState,
  searchOptions,
  writeState,
  type PagefindFragment,
  type SearchState,
  type SortOrder,
} from './search-results.ts';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}
interface PagefindResponse {
  results: PagefindResult[];
}
type SearchOptions = ReturnType<typeof searchOptions>;
/** The part of Pagefind's browser API (`pagefind.js`) this page uses. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: SearchOptions): Promise<PagefindResponse>;
  debouncedSearch(term: string | null, options: SearchOptions, wait: number): Promise<PagefindResponse | null>;
}

/** Results shown at once, and after each "Show more". */
const PAGE_SIZE = 10;
/** Pause after a keystroke before searching: long enough to skip the letters of a fast typist. */
const DEBOUNCE_MS = 80;
/**
 * Ranking: Pagefind's default (0.75) favours short pages strongly, and a topic briefing is long:
 * it gathers every source. At 0.5 "Huawei share" finds the market-share briefing before the
 * Huawei page, while a name alone still finds its entity page first (its title weighs 10 and the
 * article sentences it repeats only 0.25).
 */
const RANKING = { pageLength: 0.5 };
const TYPES: Record<string, string> = { article: 'Article', topic: 'Topic briefing', entity: 'Entity' };

/**
 * Lets the browser paint and answer the reader between two pieces of work: loading Pagefind
 * and rendering ten results in one go blocked the page for a second on a slow phone.
 */
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Pagefind searches the index of the page's language; an article in another language (Chinese,
 * say) sits in that language's index in the same bundle. Each is merged in: the page names the
 * site's languages (`data-languages`), so Pagefind's entry file is not fetched again for them.
 * Pagefind skips a merge whose path equals the primary's, so the same folder is named through `./`.
 */
async function loadPagefind(bundle: string, languages: Record<string, { page_count: number }>): Promise<Pagefind> {
  const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
  await yieldToBrowser();
  await pagefind.options({ basePath: bundle, ranking: RANKING });
  await pagefind.init();
  for (const language of otherLanguages(languages, document.documentElement.lang)) {
    await yieldToBrowser();
    await pagefind.mergeIndex(`${bundle}./`, { language, ranking: RANKING });
  }
  return pagefind;
}

/**
 * The results in the order asked for. Sorted by date, each language's index comes sorted but
 * Pagefind concatenates the indexes, so the lists (result ids start with their language) are
 * merged again by date.
 */
function ordered(results: PagefindResult[], sort: SortOrder, load: (r: PagefindResult) => Promise<PagefindFragment>): AsyncGenerator<PagefindResult> {
  if (sort === 'relevance') return (async function* () { yield* results; })();
  const byLanguage = new Map<string, PagefindResult[]>();
  for (const result of results) {
    const language = result.id.split('_')[0] ?? '';
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), result]);
  }
  return mergeByDate([...byLanguage.values()], async (r) => (await load(r)).meta.date ?? '', sort === 'newest' ? 'desc' : 'asc');
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** One result: its title as a heading link, what it is, and the passages that match. */
function renderResult(data: PagefindFragment): HTMLLIElement {
  const type = data.filters.type?.[0] ?? '';
  const date = data.meta.date ? formatDay(data.meta.date) : null;
  const facts = [
    TYPES[type] ?? type,
    type === 'article' ? data.meta.outlet : null,
    date && (type === 'article' ? date : `latest source ${date}`),
  ].filter(Boolean);
  const title = element('a', { href: data.url }, data.meta.title ?? data.url);
  title.dataset.resultLink = '';
  const passages = findPassages(data).map((passage) => {
    const link = element('a', { href: passage.url }, ...passage.runs.map((run) => (run.mark ? element('mark', {}, run.text) : run.text)));
    link.dataset.resultLink = '';
    return element('li', {}, ...(passage.heading ? [element('span', { className: 'search-passage-heading' }, `${passage.heading}: `)] : []), link);
  });
  return element(
    'li',
    { className: 'search-result' },
    element('h2', {}, title),
    element('p', { className: 'meta' }, facts.join(' · ')),
    element('ul', { className: 'search-passages' }, ...passages),
  );
}

/** What the live region announces once results are shown. */
function statusText(state: SearchState, count: number): string {
  const what = `${count === 0 ? 'No' : count} result${count === 1 ? '' : 's'}`;
  const narrowed = FILTERS.filter((f) => state.filters[f]).map((f) => `${f} ${state.filters[f]}`);
  const query = state.q.trim() ? ` for “${state.q.trim()}”` : '';
  const order = state.sort === 'relevance' ? '' : `, ${state.sort === 'newest' ? 'newest' : 'oldest'} first (dated pages only)`;
  return `${what}${query}${narrowed.length > 0 ? ` in ${narrowed.join(', ')}` : ''}${order}.`;
}

async function start(root: HTMLElement): Promise<void> {
  const bundle = root.dataset.bundle!;
  const form = root.querySelector('form')!;
  const input = form.querySelector<HTMLInputElement>('[data-search-input]')!;
  const selects = [...form.querySelectorAll('select')];
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;

  const initial = readState(location.search);
  input.value = initial.q;
  for (const select of selects) {
    const value = select.name === 'sort' ? initial.sort : (initial.filters[select.name as keyof SearchState['filters']] ?? '');
    if ([...select.options].some((o) => o.value === value)) select.value = value;
  }
  const current = (): SearchState => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') params.append(name, value);
    return readState(params.toString());
  };

  const pagefind = loadPagefind(bundle, JSON.parse(root.dataset.languages ?? '{}') as Record<string, { page_count: number }>).catch(() => {
    // `astro dev` serves no index: Pagefind writes it after a build.
    status.textContent = 'Search is not available here: its index is written by the build (npm run build).';
    return undefined;
  });
  let generation = 0;
  /** The search on screen: its results in order, how many there are, each loaded once. */
  let shown: { source: AsyncGenerator<PagefindResult>; count: number; load: (r: PagefindResult) => Promise<PagefindFragment> } | undefined;

  async function nextPage(results: NonNullable<typeof shown>): Promise<HTMLLIElement[]> {
    const next: PagefindResult[] = [];
    while (next.length < PAGE_SIZE) {
      const item = await results.source.next();
      if (item.done) break;
      next.push(item.value);
    }
    const items: HTMLLIElement[] = [];
    for (const fragment of await Promise.all(next.map(results.load))) {
      await yieldToBrowser();
      items.push(renderResult(fragment));
    }
    return items;
  }

  async function search(debounce: boolean): Promise<void> {
    const state = current();
    history.replaceState(history.state, '', `${location.pathname}${writeState(state)}${location.hash}`);
    const id = ++generation;
    const options = searchOptions(state);
    const term = state.q.trim() || null;
    if (!term && Object.keys(options.filters).length === 0) {
      shown = undefined;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      return;
    }
    const api = await pagefind;
    const response = api && (debounce ? await api.debouncedSearch(term, options, DEBOUNCE_MS) : await api.search(term, options));
    if (!response || id !== generation) return;
    const fragments = new Map<PagefindResult, Promise<PagefindFragment>>();
    const load = (result: PagefindResult) => {
      if (!fragments.has(result)) fragments.set(result, result.data());
      return fragments.get(result)!;
    };
    const results = { source: ordered(response.results, state.sort, load), count: response.results.length, load };
    // The new results replace the old in one step, once the first page is ready: no flicker.
    const items = await nextPage(results);
    if (id !== generation) return;
    shown = results;
    list.replaceChildren(...items);
    more.hidden = items.length >= results.count;
    status.textContent = statusText(state, results.count);
  }

  input.addEventListener('input', () => void search(true));
  for (const select of selects) select.addEventListener('change', () => void search(false));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(false);
  });
  more.addEventListener('click', async () => {
    const results = shown;
    if (!results) return;
    const items = await nextPage(results);
    if (results !== shown) return;
    list.append(...items);
    more.hidden = list.children.length >= results.count;
    // Focus the first new result, so the keyboard carries on where the list grew.
    items[0]?.querySelector<HTMLAnchorElement>('a')?.focus();
  });

  // Arrow keys walk the result links (titles and passages) from the box and back; Enter, on
  // a link, opens it as any link does.
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Escape') return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a[data-result-link]')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      if (at >= 0) input.focus();
      return;
    }
    if (event.target === input) {
      if (event.key !== 'ArrowDown' || links.length === 0) return;
      links[0]!.focus();
    } else if (at >= 0) {
      const next = at + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)]!.focus();
    } else return;
    event.preventDefault();
  });

  if (initial.q || Object.keys(initial.filters).length > 0) await search(false);
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) void start(root);

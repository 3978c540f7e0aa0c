import type { PhrasingContent } from 'mdast';

/** A sentence of an article: the unit every briefing line cites and every link lands on. */
export interface SentenceNode {
  type: 'sentence';
  id: string;
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    sentence: SentenceNode;
  }
  interface ListData {
    fromText?: boolean;
  }
}

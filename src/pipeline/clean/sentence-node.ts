import type { PhrasingContent } from 'mdast';

/** A sentence of an article: the unit every briefing line cites and every link lands on. */
export interface SentenceNode {
  type: 'sentence';
  id: string;
  children: PhrasingContent[];
  /** Set by MDX emission: the sentence follows another with no space and starts a new line. */
  data?: { lineBreak?: boolean };
}

declare module 'mdast' {
  interface PhrasingContentMap {
    sentence: SentenceNode;
  }
  interface ListData {
    fromText?: boolean;
  }
}

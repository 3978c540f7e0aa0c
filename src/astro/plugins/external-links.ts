/**
 * A Sätteri hast plugin (Astro 7's Markdown and MDX processor): every link from an article to
 * another site opens with `rel="noopener noreferrer"`, so the linked page can neither script
 * the briefing's window nor learn which briefing sent the reader.
 */
import { defineHastPlugin } from 'satteri';

export const externalLinks = defineHastPlugin({
  name: 'briefings-external-links',
  element: {
    filter: ['a'],
    visit(node, ctx) {
      const href = node.properties?.href;
      if (typeof href === 'string' && /^https?:\/\//i.test(href)) ctx.setProperty(node, 'rel', 'noopener noreferrer');
    },
  },
});

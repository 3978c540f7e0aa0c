/**
 * The one script every page carries: `/` puts the cursor in the search box, as on most sites with
 * search. It is inlined (no request, under 1 KB) and does nothing else: a `/` typed into a field
 * or with a modifier is left alone. On the search page it focuses that page's own box.
 *
 * Kept as source text so the layout inlines exactly these bytes and the build test can allow
 * exactly this script and no other.
 */
export const searchShortcutScript =
  "addEventListener('keydown',(e)=>{" +
  "if(e.key!=='/'||e.ctrlKey||e.metaKey||e.altKey||e.defaultPrevented)return;" +
  "const t=e.target;" +
  "if(t instanceof HTMLElement&&(t.isContentEditable||t.closest('input,textarea,select')))return;" +
  "const box=document.querySelector('[data-search-input]')||document.getElementById('site-search');" +
  'if(!box)return;' +
  'e.preventDefault();box.focus();box.select();' +
  '});';

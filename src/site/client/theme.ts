/**
 * The light/dark switch, as one small script every page inlines in its head, so the chosen
 * theme is set before the page is painted (no flash of the other one). The system's choice
 * stays the default: a choice that matches it is forgotten, so the page follows the system again.
 * The script marks the page (`data-theme-switch`) before it is painted, and only a marked page
 * shows the button: it is there from the first paint (nothing shifts when it appears), and
 * without JavaScript it never is, and the page follows the system.
 *
 * Kept as source text, like the `/` shortcut, so the layout inlines exactly these bytes and the
 * Content-Security-Policy allows exactly this script by its hash.
 */
export const themeScript =
  "(()=>{const d=document.documentElement,k='theme',m=matchMedia('(prefers-color-scheme: dark)');d.dataset.themeSwitch='';" +
  'let s=null;try{s=localStorage.getItem(k)}catch{}' +
  "if(s==='light'||s==='dark')d.dataset.theme=s;" +
  "const dark=()=>d.dataset.theme?d.dataset.theme==='dark':m.matches;" +
  "const sync=()=>{for(const b of document.querySelectorAll('[data-theme-toggle]'))b.setAttribute('aria-pressed',String(dark()))};" +
  "addEventListener('DOMContentLoaded',sync);m.addEventListener('change',()=>{sync();dispatchEvent(new Event('themechange'))});" +
  "addEventListener('click',(e)=>{const b=e.target instanceof Element&&e.target.closest('[data-theme-toggle]');if(!b)return;" +
  "const next=dark()?'light':'dark';" +
  "try{if((next==='dark')===m.matches){delete d.dataset.theme;localStorage.removeItem(k)}else{d.dataset.theme=next;localStorage.setItem(k,next)}}catch{d.dataset.theme=next}" +
  "sync();dispatchEvent(new Event('themechange'))})})();";

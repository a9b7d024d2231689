// opencc-js ships its dictionaries as modules exporting one string ("trad simp|trad simp …")
// without type declarations for the deep paths.
declare module 'opencc-js/dict/TSCharacters' {
  const entries: string;
  export default entries;
}

/** opencc-js ships its dictionaries without types; STCharacters is "简 繁|简 繁|…" (one entry per character). */
declare module "opencc-js/dict/STCharacters" {
  const dict: string;
  export default dict;
}

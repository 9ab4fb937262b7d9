declare module "*?raw" {
  const text: string;
  export default text;
}

/** Vite's glob import, as the tests use it: every matching file's text, by path. */
interface ImportMeta {
  glob(pattern: string, options: { query: "?raw"; import: "default"; eager: true }): Record<string, string>;
}

// Eleventy's process-wide layout cache, reached by path because the package does not export it.
declare module "*/@11ty/eleventy/src/LayoutCache.js" {
  const layoutCache: { clear(): void };
  export default layoutCache;
}

// What the plugin does once Eleventy has written the site, in one fixed order: Eleventy runs the
// listeners of one event side by side, and the search index must not read pages being removed.
import type { EleventyConfig } from "./config.ts";

export interface AfterEvent {
  directories: { output: string };
  outputMode?: string;
  runMode?: string;
  results?: { inputPath: string; outputPath?: unknown; url?: unknown; content?: unknown }[];
}

export interface AfterBuild {
  /** Adds a step; steps run in the order they were added, each awaited, and only when files were written. */
  add(step: (event: AfterEvent) => void | Promise<void>): void;
}

export function createAfterBuild(eleventyConfig: EleventyConfig): AfterBuild {
  const steps: ((event: AfterEvent) => void | Promise<void>)[] = [];
  eleventyConfig.on("eleventy.after", async (event: AfterEvent) => {
    // `toJSON()` and `newsroom check` build in memory: nothing on disk to tidy, merge or index.
    if (event.outputMode !== undefined && event.outputMode !== "fs") return;
    for (const step of steps) await step(event);
  });
  return { add: (step) => steps.push(step) };
}

// The shapes the model and the renderers read: a page with its release, and the build's index.
// Eleventy's collection items have this shape; so can plain test data.
import type { Release } from "./releases.ts";
import type { Registries } from "./schema.ts";
import type { NewsroomIndex } from "./taxonomy.ts";

export interface PageItem {
  url: string;
  inputPath: string;
  date: Date;
  data: Record<string, unknown> & { release?: Release };
}

/** The index of one build, with the releases in order, the registries, and every page in the site's collections. */
export type BuiltIndex<T extends PageItem = PageItem> = NewsroomIndex<T> & { releases: T[]; registries: Registries; all: T[] };

// The term index's shapes: terms, their pages, archives, a release's navigation.
import type { Problem } from "../errors.ts";
import type { Release } from "../releases.ts";
import type { TermKind } from "../urls.ts";

export type { TermKind };
export const TERM_KINDS: TermKind[] = ["people", "organisations", "places", "tags"];

/** What the index needs of a collection item; the items themselves are handed back to templates. */
export interface Entry {
  inputPath: string;
  url: string;
  data: { release?: Release };
}

export interface TermRef {
  kind: TermKind;
  key: string;
  name: string;
  url: string;
  count: number;
}

/** A place in the index's hierarchy: a region with its districts. No cycles, so templates can recurse. */
export interface PlaceNode extends TermRef {
  children: PlaceNode[];
}

export interface Term<T extends Entry = Entry> extends TermRef {
  locale: string;
  slug: string;
  count: number;
  items: T[];
  /** People: role, photo, url. Organisations: kind, url. Places: kind. */
  role?: string;
  photo?: string;
  website?: string;
  kindLabel?: string;
  parent?: TermRef;
  children: TermRef[];
}

export interface Pager {
  /** 0-based. */
  pageNumber: number;
  hrefs: string[];
  previous?: string;
  next?: string;
}

export interface ListPage<T extends Entry = Entry> {
  url: string;
  /** Pages with the same key in other locales are this page's translations. */
  alternateKey?: string;
  locale: string;
  title: string;
  breadcrumbs: Crumb[];
  items: T[];
  pager: Pager;
}

export interface TermPage<T extends Entry = Entry> extends ListPage<T> {
  term: Term<T>;
}

export interface TermIndexPage<T extends Entry = Entry> {
  url: string;
  alternateKey: string;
  locale: string;
  kind: TermKind;
  title: string;
  breadcrumbs: Crumb[];
  terms: Term<T>[];
  /** Places only: the top of the hierarchy, each with its `children`. */
  roots?: PlaceNode[];
}

export interface ArchivePage<T extends Entry = Entry> extends ListPage<T> {
  year: number;
  month?: number;
  /** Releases in the whole year or month, across its pages. */
  count: number;
  months: { month: number; name: string; url: string; count: number }[];
}

export interface Crumb {
  name: string;
  url?: string;
}

export interface ReleaseNav<T extends Entry = Entry> {
  self: T;
  previous?: T;
  next?: T;
  related: T[];
  people: TermRef[];
  organisations: TermRef[];
  places: TermRef[];
  tags: TermRef[];
  breadcrumbs: Crumb[];
}

export interface NewsroomIndex<T extends Entry = Entry> {
  /** Each locale's releases, newest first. */
  byLocale: Record<string, T[]>;
  byKind: Record<TermKind, Record<string, T[]>>;
  byYear: Record<string, T[]>;
  termPages: TermPage<T>[];
  termIndexes: TermIndexPage<T>[];
  archivePages: ArchivePage<T>[];
  nav: Map<string, ReleaseNav<T>>;
  /** alternateKey → locale → URL: the same page in each language that has it. */
  alternates: Map<string, Map<string, string>>;
  problems: Problem[];
}

// The plugin's options: every default in one place, checked once, with messages a person can act on.
import { IANAZone } from "luxon";
import { parseDate } from "./dates.ts";
import { NewsroomError, type Problem } from "./errors.ts";
import { mergeLocale, type LocaleDictionary, type LocaleOverride } from "./locales/index.ts";
import type { TransliterationTable } from "./slug.ts";
import { didYouMean } from "./suggest.ts";
import { localeBase } from "./urls.ts";

/** One text for every locale, or one per locale: `{ ru: "…", kk: "…", en: "…" }`. */
export type PerLocale = string | Record<string, string>;

export interface PublisherOptions {
  /** The press office or agency, as it signs its releases; one name, or one per locale. */
  name: PerLocale;
  /** Its home page; defaults to `siteUrl`. */
  url?: string;
  /** Absolute URL or site path of its logo, for structured data; one, or one per locale. */
  logo?: PerLocale;
}

/** The site's name, its publisher and logo, as one locale's pages, feeds and JSON-LD show them. */
export interface Identity {
  siteName: string;
  publisher: { name: string; url: string; logo?: string };
}

export interface NewsroomOptions {
  /** Shown in the header, the `<title>` and feeds; one name, or one per locale. */
  siteName: PerLocale;
  /** Absolute origin the site is served from, e.g. `https://press.example.kz`; canonical URLs start with it. */
  siteUrl: string;
  /** Who publishes the releases; defaults to the site's name and URL. */
  publisher?: PublisherOptions;
  /** The locale of a release without `lang`, and of pages that belong to no release. */
  defaultLocale?: string;
  /** Serve the default locale at the root (`/2025/12/…`) instead of under `/ru/`. */
  defaultLocaleAtRoot?: boolean;
  /** Every locale the site publishes in; `ru`, `kk` and `en` are built in. Defaults to `[defaultLocale]`. */
  locales?: string[];
  /** Per-locale overrides of the layouts' strings and date patterns; a new locale must give them all. */
  strings?: Record<string, LocaleOverride>;
  /** IANA zone that front-matter dates without an offset are read in, and dates are shown in. */
  timeZone?: string;
  /** Folder, relative to the input folder, whose Markdown files are releases. */
  releases?: string;
  /** Releases on one list page. */
  perPage?: number;
  /**
   * Pages of each language's list of the newest releases; the last links on to the archive. Every
   * publish moves each release one place down every list page, so an unbounded list rewrites (and
   * empties from CDN caches) every one of its pages; the archives by month hold the older ones.
   */
  listPages?: number;
  /** The global data key holding the registries: `_data/registry/people.json` is `registry.people`. */
  registry?: string;
  /** How `stat` prints a figure unless a call says otherwise: `compact` (60 тыс.) or `full` (60 000). */
  statNotation?: "compact" | "full";
  /** Extra or replacement letters for slugs, per locale: `{ kk: { "ә": "ae" } }`. */
  transliteration?: Record<string, TransliterationTable>;
  /** Releases in each feed. */
  feedLength?: number;
  /** URLs in one sitemap file before it splits into a sitemap index (the protocol's limit is 50,000). */
  sitemapSize?: number;
  /**
   * The build's current instant, for the news sitemap's two-day window: an ISO date, or "clock" for the
   * machine's clock. Unset, it is NEWSROOM_NOW, then SOURCE_DATE_EPOCH, then the newest release.
   */
  now?: string | Date;
  /** Build a Pagefind search index after Eleventy, and a search page in each locale. */
  search?: boolean;
  /** Write `_headers` (Netlify, Cloudflare Pages): a year's caching for hashed assets, minutes for the rest. */
  headers?: boolean;
  /** Build drafts too. Defaults to true under `--serve`/`--watch` and false in a production build. */
  drafts?: boolean;
  /**
   * The folder the whole newsroom lives in: `"/"` (the default) or, inside a site of its own, a folder
   * such as `"/press/"`. Every URL the plugin writes starts with it, except robots.txt, `_headers` and
   * the 404 page, which only work at the root.
   */
  mount?: string;
  /** Write Atom, RSS and JSON feeds for each locale, and an Atom feed for each tag. */
  feeds?: boolean;
  /**
   * Site-wide files the plugin writes: each can be moved (a site path) or turned off (`false`). Where
   * the site writes a file at the same URL itself, the plugin yields: no home page or 404 of its own,
   * its sitemap under another name, its robots.txt lines added to the site's.
   */
  files?: SiteFiles;
  /** Front-matter fields of the site's own that releases may carry; any other unknown key stops the build. */
  fields?: string[];
  /**
   * Share cards (the 1200×630 picture a link shows on social networks): releases of the last `days`
   * days get their own, every other page its locale's site-wide card; `days: "all"` gives every
   * release its own, `false` draws none.
   */
  shareCards?: false | { days?: number | "all" };
  /** The most tags, people, organisations and places one release may name (20 each by default). */
  limits?: Partial<Record<"tags" | "people" | "organisations" | "places", number>>;
  /**
   * Keep each release page in `.cache/newsroom/build/` and, in the next production build, restore
   * the pages whose inputs did not change instead of passing their releases through Eleventy.
   */
  buildCache?: boolean;
}

export interface SiteFiles {
  /** The front page with the default locale's newest releases; defaults to the mount folder. */
  home?: string | false;
  /** The localised 404 page, at the root where CDNs look for it. */
  notFound?: string | false;
  /** The sitemap (an index of several past `sitemapSize`). */
  sitemap?: string | false;
  /** robots.txt at the site's root, naming the sitemaps; added to the site's own when it has one. */
  robots?: boolean;
}

/** The options after defaults and checks: what every module receives. */
export interface ResolvedOptions {
  siteUrl: string;
  /** The site's name, publisher and logo in a locale (the default locale's where one is not given). */
  identity(locale: string): Identity;
  defaultLocale: string;
  locales: string[];
  defaultLocaleAtRoot: boolean;
  /** Site path every URL of a locale starts with: `/ru/`, or `/` for a default locale at the root. */
  base(locale: string): string;
  dictionaries: Record<string, LocaleDictionary>;
  timeZone: string;
  releases: string;
  perPage: number;
  listPages: number;
  registry: string;
  statNotation: "compact" | "full";
  transliteration: Record<string, TransliterationTable>;
  drafts: boolean | undefined;
  feedLength: number;
  sitemapSize: number;
  search: boolean;
  headers: boolean;
  /** Eleventy's pathPrefix without its trailing slash ("" or "/press"), read when URLs are made. */
  pathPrefix(): string;
  now: string | Date | undefined;
  /** Site path of the newsroom's folder, with both slashes: `/` or `/press/`. */
  mount: string;
  feeds: boolean;
  files: { home: string | false; notFound: string | false; sitemap: string | false; robots: boolean };
  fields: string[];
  limits: Record<"tags" | "people" | "organisations" | "places", number>;
  /** `days` is Infinity for "all". */
  shareCards: false | { days: number };
  buildCache: boolean;
}

/**
 * Every option's default, in one place (required options have none). `DEFAULTS` is the plugin's
 * documentation of itself: docs/options.md lists the same keys, and a test holds the two together.
 */
export const DEFAULTS = {
  publisher: undefined, // the site's name and URL
  defaultLocale: "ru",
  defaultLocaleAtRoot: false,
  locales: undefined, // [defaultLocale]
  strings: {},
  // UTC rather than the machine's zone, so the same input builds the same output anywhere.
  timeZone: "UTC",
  releases: "releases",
  perPage: 20,
  // 200 releases a language at 20 a page: weeks of a busy press office's work. Each publish moves
  // every release on the list one place down, so every list page is written again and leaves the
  // CDN's caches; older releases are in the month archives, which the last page links to.
  listPages: 10,
  registry: "registry",
  statNotation: "compact",
  transliteration: {},
  feedLength: 20,
  // The sitemap protocol's own limit.
  sitemapSize: 50_000,
  // The build's start; `now`, NEWSROOM_NOW or SOURCE_DATE_EPOCH pin it.
  now: undefined,
  search: true,
  headers: true,
  // true under --serve and --watch, false in a production build.
  drafts: undefined,
  // The whole site by default; a folder such as "/press/" when the newsroom is a guest in a larger site.
  mount: "/",
  feeds: true,
  fields: [] as string[],
  // One release naming 3,000 tags made 12,000 files and 800 MB: a limit turns that into a message.
  limits: { tags: 20, people: 20, organisations: 20, places: 20 },
  // Relative to the mount folder, except the 404 page, which CDNs look for at the root.
  files: { home: "", notFound: "/404.html", sitemap: "sitemap.xml", robots: true },
  // A release is shared mostly in its first weeks; drawing a card costs about 70 ms, so an archive
  // of 20,000 would spend 20 minutes on cards nobody asks for. Older releases show the site's card.
  shareCards: { days: 30 },
  // Off unless asked for: a release layout of the site's own that lists other releases (say, the
  // latest five) would show them as they were when its page was cached.
  buildCache: false,
} as const;

/** Every option's name, for "did you mean" on a mistyped one. */
export const OPTION_KEYS = [
  "siteName", "siteUrl", "publisher", "defaultLocale", "defaultLocaleAtRoot", "locales", "strings", "timeZone",
  "releases", "perPage", "listPages", "registry", "statNotation", "transliteration", "feedLength", "sitemapSize", "now",
  "search", "headers", "drafts", "mount", "feeds", "fields", "limits", "files", "shareCards", "buildCache",
] as const satisfies readonly (keyof NewsroomOptions)[];
const NESTED_KEYS: Record<string, readonly string[]> = {
  publisher: ["name", "url", "logo"],
  files: ["home", "notFound", "sitemap", "robots"],
  limits: ["tags", "people", "organisations", "places"],
  shareCards: ["days"],
};

/** A site path given for a file: absolute, one leading slash, no `..`, no query. */
const SITE_PATH = /^\/(?!.*(?:^|\/)\.\.(?:\/|$))[^?#\s\\]*$/;

const WHERE = "addPlugin(newsroom, options)";

type Bad = (field: string, message: string, fix: string) => void;

/** A mistyped option would silently fall back to its default: `timezone` would build in UTC. */
function checkKeys(o: Record<string, unknown>, bad: Bad): void {
  const unknown = (keys: string[], known: readonly string[], where: string) => {
    for (const key of keys) {
      if (!known.includes(key)) bad(`${where}${key}`, "is not an option", didYouMean(key, known, `the options are ${known.join(", ")}`));
    }
  };
  unknown(Object.keys(o), OPTION_KEYS, "");
  for (const [name, known] of Object.entries(NESTED_KEYS)) {
    const value = o[name];
    if (value === undefined || (name === "shareCards" && value === false)) continue;
    if (value === null || typeof value !== "object" || Array.isArray(value)) bad(name, `is ${JSON.stringify(value)}, not an object`, `write ${name}: { ${known[0]}: … }`);
    else unknown(Object.keys(value), known, `${name}.`);
  }
}

/** The site's name, its origin and its publisher. */
/** A text per locale: a string or an object of non-empty strings by locale. */
function perLocale(value: unknown, field: string, bad: Bad, fix: string): value is PerLocale {
  const ok = (v: unknown) => typeof v === "string" && v.trim() !== "";
  if (ok(value)) return true;
  if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length > 0 && Object.values(value).every(ok)) return true;
  bad(field, value === undefined || (typeof value === "string" && value.trim() === "") ? "is missing" : `is ${JSON.stringify(value)}`, fix);
  return false;
}

/** The text for a locale: its own, else the default locale's, else the first given. */
function inLocale(value: PerLocale, locale: string, defaultLocale: string): string {
  return typeof value === "string" ? value : (value[locale] ?? value[defaultLocale] ?? Object.values(value)[0]!);
}

function checkSite(o: NewsroomOptions, bad: Bad): { siteUrl: string; publisherUrl: string } {
  const example = 'give the name readers see, e.g. siteName: "Пресс-служба министерства", or one per locale: { ru: "…", kk: "…", en: "…" }';
  perLocale(o.siteName, "siteName", bad, example);
  if (o.publisher?.name !== undefined) perLocale(o.publisher.name, "publisher.name", bad, 'write publisher: { name: "…" } or one per locale: { ru: "…", kk: "…" }');
  if (o.publisher?.logo !== undefined) perLocale(o.publisher.logo, "publisher.logo", bad, 'write the logo\'s path, e.g. publisher: { logo: "/img/logo.svg" }, or one per locale');
  let siteUrl = "";
  try {
    const url = new URL(String(o.siteUrl));
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("scheme");
    siteUrl = url.origin + url.pathname.replace(/\/+$/, "");
  } catch {
    bad("siteUrl", `is ${JSON.stringify(o.siteUrl)}, not an absolute http(s) URL`, 'write siteUrl: "https://press.example.kz"');
  }
  let publisherUrl = siteUrl;
  if (o.publisher?.url !== undefined) {
    try {
      publisherUrl = new URL(o.publisher.url).href;
    } catch {
      bad("publisher.url", `is ${JSON.stringify(o.publisher.url)}, not an absolute URL`, 'write publisher: { url: "https://gov.kz/..." }');
    }
  }
  return { siteUrl, publisherUrl };
}

/** The locales, each with its dictionary of the layouts' strings; the zone dates are read in. */
function checkLocales(o: NewsroomOptions, bad: Bad): { defaultLocale: string; locales: string[]; dictionaries: Record<string, LocaleDictionary>; timeZone: string } {
  const defaultLocale = o.defaultLocale ?? DEFAULTS.defaultLocale;
  const locales = o.locales ?? [defaultLocale];
  if (!Array.isArray(locales) || locales.length === 0) {
    bad("locales", "is empty", `list the site's locales, e.g. locales: ["ru", "kk", "en"]`);
  } else if (!locales.includes(defaultLocale)) {
    bad("defaultLocale", `"${defaultLocale}" is not one of locales ${JSON.stringify(locales)}`, "add it to locales or pick one of them");
  }
  const dictionaries: Record<string, LocaleDictionary> = {};
  for (const code of Array.isArray(locales) ? locales : []) {
    if (typeof code !== "string" || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(code)) {
      bad("locales", `holds ${JSON.stringify(code)}, not a language tag`, 'use codes such as "ru", "kk", "en"');
      continue;
    }
    const { dictionary, missing } = mergeLocale(code, o.strings?.[code]);
    if (missing.length > 0) {
      bad(`strings.${code}`, `lacks ${missing.join(", ")} for locale "${code}"`, `add them under strings: { ${code}: { strings: { … } } } (see the "en" dictionary for every key)`);
    }
    dictionaries[code] = dictionary;
  }
  const timeZone = o.timeZone ?? DEFAULTS.timeZone;
  if (!IANAZone.isValidZone(timeZone)) {
    bad("timeZone", `"${timeZone}" is not an IANA time zone`, 'write a zone name such as timeZone: "Asia/Almaty"');
  }
  if (o.now !== undefined && o.now !== "clock" && !parseDate(o.now, IANAZone.isValidZone(timeZone) ? timeZone : "UTC")) {
    bad("now", `is ${JSON.stringify(o.now)}, not a date`, 'write an ISO 8601 instant such as now: "2025-12-16T12:00:00+05:00", or now: "clock"');
  }
  return { defaultLocale, locales, dictionaries, timeZone };
}

/** Whole numbers, choices and switches: each of the wrong kind is named with what to write. */
function checkValues(o: NewsroomOptions, bad: Bad) {
  const whole = (key: "perPage" | "listPages" | "feedLength" | "sitemapSize", max: number, fix: string) => {
    const n = o[key] ?? DEFAULTS[key];
    if (!Number.isInteger(n) || n < 1 || n > max) bad(key, `is ${JSON.stringify(n)}`, fix);
    return n;
  };
  const perPage = whole("perPage", Infinity, "give a whole number of releases per list page, e.g. perPage: 20");
  const listPages = whole("listPages", Infinity, "give a whole number of list pages, e.g. listPages: 10 (older releases are in the archives)");
  const feedLength = whole("feedLength", Infinity, "give a whole number of releases per feed, e.g. feedLength: 20");
  const sitemapSize = whole("sitemapSize", 50_000, "give a whole number from 1 to 50000");
  const statNotation = o.statNotation ?? DEFAULTS.statNotation;
  if (statNotation !== "compact" && statNotation !== "full") bad("statNotation", `is ${JSON.stringify(statNotation)}`, 'write "compact" (60 тыс.) or "full" (60 000)');
  for (const key of ["search", "headers", "feeds", "defaultLocaleAtRoot", "drafts", "buildCache"] as const) {
    if (o[key] !== undefined && typeof o[key] !== "boolean") bad(key, `is ${JSON.stringify(o[key])}`, `write ${key}: true or ${key}: false`);
  }
  const releases = String(o.releases ?? DEFAULTS.releases).replace(/^\.\/+/, "").replace(/\/+$/, "");
  if (releases === "" || releases.includes("*")) bad("releases", `is ${JSON.stringify(o.releases)}`, 'name the folder of releases inside the input folder, e.g. releases: "releases"');
  const registry = o.registry ?? DEFAULTS.registry;
  if (typeof registry !== "string" || !/^[A-Za-z_$][\w$]*$/.test(registry)) {
    bad("registry", `is ${JSON.stringify(o.registry)}`, 'name the global data key of the registries, e.g. registry: "registry" (the folder _data/registry/)');
  }
  const fields = o.fields ?? DEFAULTS.fields;
  if (!Array.isArray(fields) || fields.some((f) => typeof f !== "string" || f === "")) {
    bad("fields", `is ${JSON.stringify(o.fields)}`, 'list the site\'s own front-matter fields, e.g. fields: ["department"]');
  }
  const limits: Record<string, unknown> = { ...DEFAULTS.limits, ...(o.limits ?? {}) };
  for (const [kind, n] of Object.entries(limits)) {
    if (!Number.isInteger(n) || (n as number) < 1) bad(`limits.${kind}`, `is ${JSON.stringify(n)}`, `give a whole number, e.g. limits: { ${kind}: 40 }`);
  }
  let shareCards = false as ResolvedOptions["shareCards"];
  if (o.shareCards !== false) {
    const days = o.shareCards?.days ?? DEFAULTS.shareCards.days;
    if (days === "all") shareCards = { days: Infinity };
    else if (typeof days === "number" && Number.isInteger(days) && days >= 0) shareCards = { days };
    else bad("shareCards.days", `is ${JSON.stringify(days)}`, 'give a whole number of days, e.g. shareCards: { days: 90 }, or "all" for every release');
  }
  return { perPage, listPages, feedLength, sitemapSize, statNotation, releases, registry, fields, limits: limits as ResolvedOptions["limits"], shareCards };
}

/** The newsroom's folder, and where each site-wide file goes (a site path, or false for none). */
function checkPlaces(o: NewsroomOptions, bad: Bad): { mount: string; files: ResolvedOptions["files"] } {
  let mount: string = o.mount ?? DEFAULTS.mount;
  if (typeof mount !== "string" || !SITE_PATH.test(mount)) {
    bad("mount", `is ${JSON.stringify(o.mount)}, not a folder of the site`, 'write a site path such as mount: "/press/", or leave it out for the whole site');
    mount = "/";
  } else if (!mount.endsWith("/")) mount += "/";
  const files = { ...DEFAULTS.files, ...(o.files ?? {}) } as ResolvedOptions["files"];
  for (const key of ["home", "notFound", "sitemap"] as const) {
    const value = files[key];
    if (value === false) continue;
    const full = o.files?.[key] !== undefined || key === "notFound" ? value : `${mount}${value}`;
    if (typeof full !== "string" || !SITE_PATH.test(full)) {
      bad(`files.${key}`, `is ${JSON.stringify(value)}`, `write a site path starting with "/" (e.g. "${key === "sitemap" ? "/press/sitemap.xml" : key === "home" ? "/press/" : "/404.html"}"), or false to write none`);
    } else files[key] = full;
  }
  if (typeof files.robots !== "boolean") bad("files.robots", `is ${JSON.stringify(files.robots)}`, "write true or false");
  return { mount, files };
}

/** The options with their defaults, checked once: every problem named together, with its fix. */
export function resolveOptions(input: unknown): ResolvedOptions {
  const problems: Problem[] = [];
  const bad: Bad = (field, message, fix) => problems.push({ file: WHERE, field, message, fix });
  if (input === null || typeof input !== "object") {
    throw new NewsroomError([{ file: WHERE, field: "options", message: "is missing", fix: 'pass at least { siteName: "Press office", siteUrl: "https://press.example.kz" }' }]);
  }
  const o = input as NewsroomOptions;
  checkKeys(input as Record<string, unknown>, bad);
  const site = checkSite(o, bad);
  const locales = checkLocales(o, bad);
  const values = checkValues(o, bad);
  const places = checkPlaces(o, bad);
  if (problems.length > 0) throw new NewsroomError(problems);

  const atRoot = o.defaultLocaleAtRoot ?? DEFAULTS.defaultLocaleAtRoot;
  const identities = new Map<string, Identity>();
  const identity = (locale: string): Identity => {
    let found = identities.get(locale);
    if (!found) {
      const text = (v: PerLocale) => inLocale(v, locale, locales.defaultLocale);
      const logo = o.publisher?.logo === undefined ? undefined : text(o.publisher.logo);
      found = { siteName: text(o.siteName), publisher: { name: text(o.publisher?.name ?? o.siteName), url: site.publisherUrl, ...(logo ? { logo } : {}) } };
      identities.set(locale, found);
    }
    return found;
  };
  return {
    identity,
    siteUrl: site.siteUrl,
    ...locales,
    ...values,
    ...places,
    defaultLocaleAtRoot: atRoot,
    base: (locale: string) => localeBase(places.mount, locale, locales.defaultLocale, atRoot),
    transliteration: o.transliteration ?? DEFAULTS.transliteration,
    drafts: o.drafts ?? DEFAULTS.drafts,
    search: o.search ?? DEFAULTS.search,
    headers: o.headers ?? DEFAULTS.headers,
    feeds: o.feeds ?? DEFAULTS.feeds,
    buildCache: o.buildCache ?? DEFAULTS.buildCache,
    pathPrefix: () => "",
    now: o.now ?? DEFAULTS.now,
  };
}

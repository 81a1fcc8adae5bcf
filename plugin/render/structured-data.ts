// schema.org JSON-LD for releases and home pages, serialised so that no content can end the <script>.
import type { ResolvedOptions } from "../model/options.ts";
import { localize, topicName } from "../model/registries.ts";
import type { Release } from "../model/releases.ts";
import type { Registries } from "../model/schema.ts";
import type { Crumb, TermRef } from "../model/taxonomy.ts";

/** Organisation kinds that are state bodies: schema.org's GovernmentOrganization. */
const GOVERNMENT_KINDS = new Set(["ministry", "government", "agency", "akimat", "committee", "parliament", "court", "state-body"]);
const AREA_KINDS = new Set(["country", "region", "district", "oblast", "province", "state"]);

export interface Quote {
  text: string;
  speaker: string;
  role?: string;
  cite?: string;
}

export interface ReleaseGraphInput {
  release: Release;
  url: string;
  people: TermRef[];
  organisations: TermRef[];
  places: TermRef[];
  breadcrumbs: Crumb[];
  quotes: Quote[];
  /** Absolute URLs of this release in other languages, by locale. */
  translations: Record<string, string>;
  registries: Registries;
  options: ResolvedOptions;
  /** The photo's crops (16×9, 4×3, 1×1), where the build made them. */
  crops?: { url: string; width: number; height: number }[];
  /** The release's own share card, where it has one: an image of its headline, date and figure. */
  card?: { url: string; width: number; height: number; alt: string };
}

type Json = Record<string, unknown>;

/** An absolute URL for a site path, with Eleventy's pathPrefix: for canonical links, feeds, sitemaps, JSON-LD. */
export function absolute(options: ResolvedOptions, path: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(path) ? path : options.siteUrl + options.pathPrefix() + (path.startsWith("/") ? path : `/${path}`);
}

/** The publisher as one locale's pages name it. */
function publisherNode(options: ResolvedOptions, locale: string): Json {
  const { publisher } = options.identity(locale);
  return {
    "@type": "Organization",
    "@id": `${publisher.url.replace(/\/$/, "")}/#publisher`,
    name: publisher.name,
    url: publisher.url,
    ...(publisher.logo ? { logo: { "@type": "ImageObject", url: absolute(options, publisher.logo) } } : {}),
  };
}

/** NewsArticle and BreadcrumbList for one release. */
export function releaseGraph(input: ReleaseGraphInput): Json {
  const { release, options, registries } = input;
  const locale = release.lang;
  const abs = (p: string) => absolute(options, p);
  const people = input.people.map((ref) => {
    const entry = registries.people[ref.key];
    return clean({
      "@type": "Person",
      name: ref.name,
      jobTitle: entry?.role ? localize(entry.role, locale, options.defaultLocale) : undefined,
      url: abs(ref.url),
      sameAs: entry?.url,
    });
  });
  const organisations = input.organisations.map((ref) => {
    const entry = registries.organisations[ref.key];
    return clean({
      "@type": entry && GOVERNMENT_KINDS.has(entry.kind) ? "GovernmentOrganization" : "Organization",
      name: ref.name,
      url: abs(ref.url),
      sameAs: entry?.url,
    });
  });
  const places = input.places.map((ref) => {
    const entry = registries.places[ref.key];
    const parent = entry?.parent ? registries.places[entry.parent] : undefined;
    return clean({
      "@type": entry?.kind === "city" ? "City" : entry && AREA_KINDS.has(entry.kind) ? "AdministrativeArea" : "Place",
      name: ref.name,
      url: abs(ref.url),
      containedInPlace: parent ? { "@type": "AdministrativeArea", name: localize(parent.name, locale, options.defaultLocale) } : undefined,
    });
  });
  const publisher = publisherNode(options, locale);
  const article = clean({
    "@type": "NewsArticle",
    "@id": `${input.url}#article`,
    headline: release.title,
    description: release.lead,
    datePublished: release.published,
    dateModified: release.updated ?? release.published,
    inLanguage: locale,
    mainEntityOfPage: { "@type": "WebPage", "@id": input.url },
    url: input.url,
    // The photo in the three shapes Google asks for, where the build made them; else as given.
    image: nonEmpty([
      ...(release.image
        ? (input.crops?.length ? input.crops : [{ url: release.image.src, width: undefined, height: undefined }]).map((c) =>
            clean({ "@type": "ImageObject", url: abs(c.url), width: c.width, height: c.height, caption: release.image!.caption, creditText: release.image!.credit }),
          )
        : []),
      // The share card follows the photo: it is the picture where there is none.
      ...(input.card ? [clean({ "@type": "ImageObject", url: abs(input.card.url), width: input.card.width, height: input.card.height, caption: input.card.alt })] : []),
    ]),
    author: [{ "@type": "Organization", name: options.identity(locale).publisher.name, url: options.identity(locale).publisher.url }],
    publisher,
    keywords: release.tags.length ? release.tags.map((k) => topicName(input.registries, k, locale, options.defaultLocale)) : undefined,
    dateline: release.dateline,
    isBasedOn: release.source?.url,
    about: [...people, ...organisations].length ? [...people, ...organisations] : undefined,
    contentLocation: places.length ? places : undefined,
    translationOfWork:
      release.translatedFrom && input.translations[release.translatedFrom]
        ? { "@id": `${input.translations[release.translatedFrom]}#article` }
        : undefined,
    workTranslation: release.translatedFrom
      ? undefined
      : Object.entries(input.translations)
          .filter(([l]) => l !== locale)
          .map(([, url]) => ({ "@id": `${url}#article` })),
    mentions: input.quotes.length
      ? input.quotes.map((q) =>
          clean({
            "@type": "Quotation",
            text: q.text,
            isBasedOn: q.cite,
            spokenByCharacter: clean({ "@type": "Person", name: q.speaker, jobTitle: q.role }),
          }),
        )
      : undefined,
  });
  const breadcrumbs = {
    "@type": "BreadcrumbList",
    itemListElement: input.breadcrumbs.map((crumb, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: crumb.name,
      item: crumb.url ? abs(crumb.url) : input.url,
    })),
  };
  return { "@context": "https://schema.org", "@graph": [article, breadcrumbs] };
}

/** WebSite and Organization, for a home page. */
export function homeGraph(options: ResolvedOptions, locale: string, url: string): Json {
  return {
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "WebSite", "@id": `${options.siteUrl}/#website`, name: options.identity(locale).siteName, url, inLanguage: locale, publisher: { "@id": publisherNode(options, locale)["@id"] } },
      publisherNode(options, locale),
    ],
  };
}

const JSON_LD_ESCAPES: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };
/**
 * JSON for inside `<script type="application/ld+json">`: `<`, `>` and `&` become \u escapes, so
 * `</script>` and `<!--` in content cannot end or comment out the element; U+2028 and U+2029 are
 * escaped for the JavaScript parsers that still choke on them.
 */
export function serializeJsonLd(value: unknown): string {
  // One pass over the text for all five, as each page's structured data is written.
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => JSON_LD_ESCAPES[c]!);
}

/** The object without its empty values (undefined, "", []). */
function clean(o: Json): Json {
  const kept: Json = {};
  for (const k in o) {
    const v = o[k];
    if (v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0)) kept[k] = v;
  }
  return kept;
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

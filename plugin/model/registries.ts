// The site's registries of people, organisations and places: checked once, and looked up by key.
import type { Problem } from "./errors.ts";
import { suggest } from "./suggest.ts";
import { toNfc } from "./releases.ts";
import { REGISTRY_FIXES, registrySchemas, type Localized, type Registries } from "./schema.ts";

export type RegistryName = keyof Registries;

const REGISTRY_NAMES: RegistryName[] = ["people", "organisations", "places", "topics"];

/** Checks the registries found under the `registry` global data key. */
export function readRegistries(raw: unknown, dataKey: string, dataDir: string): { registries: Registries; problems: Problem[] } {
  const problems: Problem[] = [];
  const registries: Registries = { people: Object.create(null), organisations: Object.create(null), places: Object.create(null), topics: Object.create(null) };
  const source = (raw ?? {}) as Record<string, unknown>;
  for (const name of REGISTRY_NAMES) {
    const file = `${dataDir}${dataKey}/${name}.json`;
    if (source[name] === undefined) continue;
    // A plain copy of the entries (a registry file arrives as a RegistryData) for the schema to read.
    const value = source[name];
    const parsed = registrySchemas[name].safeParse(value !== null && typeof value === "object" && !Array.isArray(value) ? { ...value } : value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [key, ...rest] = issue.path.map(String);
        const field = rest.join(".") || "entry";
        problems.push({
          file,
          field: key ? `${key}.${field}` : name,
          message: issue.code === "custom" ? `is ${issue.message}` : rest.length === 0 && key === undefined ? "is not an object of entries by key" : "is missing or not valid",
          fix: REGISTRY_FIXES[rest[0] ?? ""] ?? `write ${name} as { "key": { "name": "…" } }`,
        });
      }
      continue;
    }
    // Keys and names in composed form, as releases' keys are (see toNfc); a map with no prototype,
    // so that keys such as "constructor" or "__proto__" are looked up like any other.
    (registries as unknown as Record<string, unknown>)[name] = Object.assign(Object.create(null), toNfc(parsed.data));
  }

  // Every parent exists, and no place lies inside itself.
  const places = registries.places;
  for (const [key, place] of Object.entries(places)) {
    if (place.parent !== undefined && !(place.parent in places)) {
      problems.push({ file: `${dataDir}${dataKey}/places.json`, field: `${key}.parent`, message: `is "${place.parent}", which is not a place`, fix: suggest(place.parent, Object.keys(places)) });
    }
    const seen = new Set([key]);
    for (let p = place.parent; p !== undefined && p in places; p = places[p]!.parent) {
      if (seen.has(p)) {
        problems.push({ file: `${dataDir}${dataKey}/places.json`, field: `${key}.parent`, message: `makes a loop (${[...seen, p].join(" → ")})`, fix: "a place's parent must be a larger place that does not lie inside it" });
        break;
      }
      seen.add(p);
    }
  }
  return { registries, problems };
}

/** A key's ancestors, nearest first: Отырарский район → Туркестанская область. */
export function ancestorsOf(places: Registries["places"], key: string): string[] {
  const out: string[] = [];
  const seen = new Set([key]);
  for (let p = places[key]?.parent; p !== undefined && !seen.has(p) && p in places; p = places[p]!.parent) {
    out.push(p);
    seen.add(p);
  }
  return out;
}

/** The name in a locale, else in the default locale, else the first one given. */
export function localize(value: Localized | undefined, locale: string, fallback: string): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  return value[locale] ?? value[fallback] ?? Object.values(value)[0] ?? "";
}


/** A tag's name in a locale: the topic registry's, where it lists the tag, else the tag as written. */
export function topicName(registries: Registries, key: string, locale: string, fallback: string): string {
  const topic = registries.topics?.[key];
  return topic ? localize(topic.name, locale, fallback) : key;
}

// The built-in locales, merged with a site's overrides; a string missing from the result fails the build.
import { en } from "./en.ts";
import { kk } from "./kk.ts";
import { ru } from "./ru.ts";
import type { LocaleDictionary, LocaleOverride, LocaleStrings, StringKey } from "./types.ts";

export type { LocaleDictionary, LocaleOverride, LocaleStrings, StringKey };

export const builtInLocales: Readonly<Record<string, LocaleDictionary>> = { ru, kk, en };

/** Every key a dictionary must carry, taken from the most complete built-in one. */
export const STRING_KEYS = Object.keys(en.strings) as StringKey[];

/**
 * Merges a site's override over the built-in dictionary of that locale. Returns the merged
 * dictionary and the keys still missing, so the caller can name them in one error.
 */
export function mergeLocale(
  code: string,
  override: LocaleOverride | undefined,
): { dictionary: LocaleDictionary; missing: string[] } {
  const base = builtInLocales[code];
  const strings = { ...base?.strings, ...override?.strings } as Partial<LocaleStrings>;
  const dictionary = {
    ogLocale: override?.ogLocale ?? base?.ogLocale ?? code,
    dateFormat: override?.dateFormat ?? base?.dateFormat,
    dateTimeFormat: override?.dateTimeFormat ?? base?.dateTimeFormat,
    monthYearFormat: override?.monthYearFormat ?? base?.monthYearFormat,
    strings,
    kinds: { ...base?.kinds, ...override?.kinds },
  } as LocaleDictionary;
  const missing: string[] = [];
  for (const key of ["dateFormat", "dateTimeFormat", "monthYearFormat"] as const) {
    if (typeof dictionary[key] !== "string" || dictionary[key] === "") missing.push(key);
  }
  for (const key of STRING_KEYS) {
    if (typeof strings[key] !== "string" || strings[key] === "") missing.push(`strings.${key}`);
  }
  return { dictionary, missing };
}

/** Replaces `{name}` placeholders. */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

// URL slugs from Russian, Kazakh and Latin text through documented transliteration tables.
import slugifyLib from "slugify";
import { remember, rememberEach } from "./memo.ts";

/** Lower-case letter → its Latin spelling in a URL. */
export type TransliterationTable = Readonly<Record<string, string>>;

/**
 * Russian Cyrillic, close to the "Yandex"/BGN usage readers know from Russian URLs.
 * The hard and soft signs have no sound of their own and are written as nothing, on purpose.
 */
export const RUSSIAN: TransliterationTable = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "yo", ж: "zh", з: "z", и: "i", й: "y",
  к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f",
  х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

/**
 * Kazakh Cyrillic: the 2021 Kazakh Latin alphabet with its diacritics folded to ASCII
 * (ә→a, ғ→g, қ→q, ң→n, ө→o, ұ→u, ү→u, һ→h, і→i), and х→h as that alphabet writes it.
 */
export const KAZAKH: TransliterationTable = {
  ...RUSSIAN,
  ә: "a", ғ: "g", қ: "q", ң: "n", ө: "o", ұ: "u", ү: "u", һ: "h", і: "i", х: "h",
};

/** Built-in tables by locale; any other locale uses the Kazakh one, which covers Russian letters too. */
const BUILT_IN_TABLES: Readonly<Record<string, TransliterationTable>> = {
  ru: { ...KAZAKH, ...RUSSIAN },
  kk: KAZAKH,
  en: { ...KAZAKH, ...RUSSIAN },
};

export class SlugError extends Error {}

/** Longest slug, in characters (ASCII, so bytes too). */
const MAX_SLUG = 80;

/** Whether slugify has a Latin spelling for a non-ASCII letter. */
const spellable = remember(
  (letter: string) => letter,
  (letter) => /^[a-z0-9]+$/i.test(slugifyLib(letter, { strict: true })),
);

/**
 * Builds the slug function of a site: its own table entries win over the built-in ones.
 * A letter that no table and no Latin folding can spell throws instead of vanishing from the URL.
 */
export function createSlugger(custom: Record<string, TransliterationTable> = {}) {
  const tables = new Map<string, TransliterationTable>();
  const tableFor = (locale: string): TransliterationTable => {
    let table = tables.get(locale);
    if (!table) {
      const base = BUILT_IN_TABLES[locale] ?? BUILT_IN_TABLES.ru!;
      const extra = Object.fromEntries(
        Object.entries(custom[locale] ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
      );
      table = { ...base, ...extra };
      tables.set(locale, table);
    }
    return table;
  };

  // Remembered by locale and text: a term's name is slugged by every build (and twice by a publish,
  // whose plan works out the index before Eleventy's collections do). A text that throws is not kept.
  const slugOf = rememberEach((locale: string, text: string): string => {
    const table = tableFor(locale);
    const lower = text.normalize("NFC").toLowerCase();
    let spelled = "";
    for (const ch of lower) spelled += table[ch] ?? ch;
    // slugify's own map spells the rest of the Latin world (ß, æ, ø, é …) but deletes what it
    // cannot spell, so first find the letters neither the table nor slugify knows.
    const unspelled = new Set<string>();
    for (const ch of spelled) {
      if (ch.charCodeAt(0) > 0x7f && /\p{L}/u.test(ch) && !spellable(ch)) unspelled.add(ch);
    }
    if (unspelled.size > 0) {
      const letters = [...unspelled].join(" ");
      throw new SlugError(
        `cannot spell ${letters} in a URL for ${JSON.stringify(text)}: add them to the "transliteration" option, e.g. transliteration: { ${locale}: { "${[...unspelled][0]}": "…" } }`,
      );
    }
    const latin = slugifyLib(spelled, { lower: true, strict: false, trim: true, locale: "en" });
    const full = latin.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    // A file name longer than 255 bytes cannot be written; cut long slugs at a word boundary.
    if (full.length <= MAX_SLUG) return full;
    const cut = full.slice(0, MAX_SLUG);
    const dash = cut.lastIndexOf("-");
    return (dash > MAX_SLUG / 2 ? cut.slice(0, dash) : cut).replace(/-+$/g, "");
  });
  return function slug(text: unknown, locale = "ru"): string {
    return slugOf(locale, String(text ?? ""));
  };
}

export type Slugger = ReturnType<typeof createSlugger>;

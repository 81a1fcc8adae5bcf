// Kazakh: the strings the layouts print, and dates as official Kazakh texts write them.
import type { LocaleDictionary } from "./types.ts";

export const kk: LocaleDictionary = {
  // Official texts write "2025 жылғы 16 желтоқсан", not ICU's "2025 ж. 16 желтоқсан".
  dateFormat: "yyyy 'жылғы' d MMMM",
  dateTimeFormat: "yyyy 'жылғы' d MMMM, HH:mm",
  monthYearFormat: "yyyy 'жылғы' LLLL",
  strings: {
    skipToContent: "Мазмұнға өту",
    siteNavigation: "Негізгі навигация",
    releases: "Баспасөз релиздері",
    allReleases: "Барлық баспасөз релиздері",
    keyFigures: "Негізгі сандар",
    source: "Дереккөз",
    tags: "Тақырыптар",
    published: "Жарияланды",
    updated: "Жаңартылды",
    pagination: "Беттер",
    previousPage: "Алдыңғы бет",
    nextPage: "Келесі бет",
    pageOf: "{pages} беттің {page}-беті",
    noReleases: "Әзірге баспасөз релиздері жоқ.",
    photo: "Фото",
  },
};

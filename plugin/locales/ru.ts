// Russian: the strings the layouts print, and how dates read in Russian press releases.
import type { LocaleDictionary } from "./types.ts";

export const ru: LocaleDictionary = {
  // Luxon patterns; Luxon takes month names from Intl, so `d MMMM` gives the genitive "16 декабря".
  dateFormat: "d MMMM yyyy",
  dateTimeFormat: "d MMMM yyyy, HH:mm",
  monthYearFormat: "LLLL yyyy",
  strings: {
    skipToContent: "Перейти к содержанию",
    siteNavigation: "Основная навигация",
    releases: "Пресс-релизы",
    allReleases: "Все пресс-релизы",
    keyFigures: "Ключевые цифры",
    source: "Источник",
    tags: "Темы",
    published: "Опубликовано",
    updated: "Обновлено",
    pagination: "Страницы",
    previousPage: "Предыдущая страница",
    nextPage: "Следующая страница",
    pageOf: "Страница {page} из {pages}",
    noReleases: "Пресс-релизов пока нет.",
    photo: "Фото",
  },
};

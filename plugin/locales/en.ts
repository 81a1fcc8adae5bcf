// English: the strings the layouts print.
import type { LocaleDictionary } from "./types.ts";

export const en: LocaleDictionary = {
  dateFormat: "d MMMM yyyy",
  dateTimeFormat: "d MMMM yyyy, HH:mm",
  monthYearFormat: "LLLL yyyy",
  strings: {
    skipToContent: "Skip to content",
    siteNavigation: "Main navigation",
    releases: "Press releases",
    allReleases: "All press releases",
    keyFigures: "Key figures",
    source: "Source",
    tags: "Topics",
    published: "Published",
    updated: "Updated",
    pagination: "Pages",
    previousPage: "Previous page",
    nextPage: "Next page",
    pageOf: "Page {page} of {pages}",
    noReleases: "No press releases yet.",
    photo: "Photo",
  },
};

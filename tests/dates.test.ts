// Dates in ru, kk and en, read in the site's zone across Almaty's 2024-03-01 change from UTC+6 to UTC+5.
import { beforeAll, describe, expect, it } from "vitest";
import { formatDate, isoDate, parseDate } from "../plugin/model/dates.ts";
import { kk } from "../plugin/model/locales/kk.ts";
import { ru } from "../plugin/model/locales/ru.ts";
import { en } from "../plugin/model/locales/en.ts";
import { buildFixture, text, type Built } from "./helpers/build.ts";

const ZONE = "Asia/Almaty";

describe("reading front-matter dates", () => {
  it("reads a value without an offset as wall-clock time in the zone, with that day's offset", () => {
    expect(isoDate(parseDate("2024-02-29T12:00", ZONE)!)).toBe("2024-02-29T12:00:00+06:00");
    expect(isoDate(parseDate("2024-03-01T12:00", ZONE)!)).toBe("2024-03-01T12:00:00+05:00");
    expect(isoDate(parseDate("2025-12-16", ZONE)!)).toBe("2025-12-16T00:00:00+05:00");
    expect(isoDate(parseDate("2025-12-16 10:15", ZONE)!)).toBe("2025-12-16T10:15:00+05:00");
  });

  it("keeps the instant of a value with an offset and shows it in the zone", () => {
    expect(isoDate(parseDate("2024-02-29T19:30:00Z", ZONE)!)).toBe("2024-03-01T00:30:00+05:00");
    expect(isoDate(parseDate("2024-02-29T17:30:00Z", ZONE)!)).toBe("2024-02-29T23:30:00+06:00");
    expect(isoDate(parseDate(new Date("2025-12-16T05:00:00Z"), ZONE)!)).toBe("2025-12-16T10:00:00+05:00");
  });

  it("refuses what is not a date", () => {
    expect(parseDate("16.12.2025", ZONE)).toBeUndefined();
    expect(parseDate("вчера", ZONE)).toBeUndefined();
    expect(parseDate("2025-02-30", ZONE)).toBeUndefined();
  });
});

describe("showing dates", () => {
  const before = parseDate("2024-02-29T12:00", ZONE)!;
  const after = parseDate("2024-03-01T12:00", ZONE)!;
  it.each([
    ["ru", ru.dateFormat, "29 февраля 2024", "1 марта 2024"],
    ["kk", kk.dateFormat, "2024 жылғы 29 ақпан", "2024 жылғы 1 наурыз"],
    ["en", en.dateFormat, "29 February 2024", "1 March 2024"],
  ])("%s", (locale, pattern, b, a) => {
    expect(formatDate(before, locale, ZONE, pattern)).toBe(b);
    expect(formatDate(after, locale, ZONE, pattern)).toBe(a);
  });

  it("turns the date at midnight in the zone, not in UTC", () => {
    // 2024-02-29T19:30Z is already 1 March in Almaty.
    expect(formatDate(parseDate("2024-02-29T19:30:00Z", ZONE)!, "ru", ZONE, ru.dateFormat)).toBe("1 марта 2024");
  });
});

describe("dates in built release pages", () => {
  let site: Built;
  beforeAll(async () => {
    site = await buildFixture("dates", { locales: ["ru", "kk", "en"], timeZone: ZONE });
  });

  const dateline = (url: string) => site.html(url).querySelector(".newsroom-release .newsroom-dateline time")!;

  it("Russian, before the change: +06:00", () => {
    const time = dateline("/ru/2024/02/before-change/");
    expect(time.getAttribute("datetime")).toBe("2024-02-29T12:00:00+06:00");
    expect(text(time)).toBe("29 февраля 2024");
  });

  it("Kazakh, after the change: +05:00, in the official form", () => {
    const time = dateline("/kk/2024/03/after-change/");
    expect(time.getAttribute("datetime")).toBe("2024-03-01T12:00:00+05:00");
    expect(text(time)).toBe("2024 жылғы 1 наурыз");
  });

  it("English, an instant given in UTC lands on the Almaty day and month", () => {
    const time = dateline("/en/2024/03/utc-instant/");
    expect(time.getAttribute("datetime")).toBe("2024-03-01T00:30:00+05:00");
    expect(text(time)).toBe("1 March 2024");
  });

  it("a date without a time is midnight in the zone, and an update is shown with its own date", () => {
    const times = site.html("/ru/2025/12/date-only/").querySelectorAll(".newsroom-release .newsroom-dateline time");
    expect(times.map((t) => t.getAttribute("datetime"))).toEqual(["2025-12-16T00:00:00+05:00", "2025-12-17T09:30:00+05:00"]);
    expect(times.map(text)).toEqual(["16 декабря 2025", "17 декабря 2025"]);
  });

  it("lists releases newest first by instant", () => {
    const titles = site.html("/ru/").querySelectorAll(".newsroom-card__title").map(text);
    expect(titles).toEqual(["A date without a time", "Before Almaty moved to UTC+5"]);
  });
});

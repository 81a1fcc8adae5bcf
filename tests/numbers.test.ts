// Figures and their units: compact and full numbers, and plural forms chosen by Intl.PluralRules.
import { describe, expect, it } from "vitest";
import { formatNumber, parseFigure, pluralForm } from "../plugin/model/numbers.ts";

const JOBS = "рабочее место|рабочих места|рабочих мест";
const NBSP = "\u00a0";

/** What a reader sees for a figure and its unit, as `stat` builds it. */
function figure(value: number, forms: string, locale: string, notation: "compact" | "full") {
  const shown = formatNumber(value, locale, notation);
  return `${shown.text} ${pluralForm(forms, shown.agreesWith, locale)}`.replace(/\u00a0/g, " ");
}

describe("Russian plural forms of a unit", () => {
  it.each([
    [0, "0 рабочих мест"],
    [1, "1 рабочее место"],
    [2, "2 рабочих места"],
    [5, "5 рабочих мест"],
    [11, "11 рабочих мест"],
    [21, "21 рабочее место"],
    [1400, "1 400 рабочих мест"],
  ])("%d in full", (n, expected) => {
    expect(figure(n, JOBS, "ru", "full")).toBe(expected);
  });

  it("agrees with the thousand in compact notation: 1,4 тыс. рабочих мест", () => {
    expect(figure(1400, JOBS, "ru", "compact")).toBe("1,4 тыс. рабочих мест");
    // 1001 shows as "1 тыс.": the unit follows "тысяча", not the one in 1001.
    expect(figure(1001, JOBS, "ru", "compact")).toBe("1 тыс. рабочих мест");
    expect(figure(21_000, JOBS, "ru", "compact")).toBe("21 тыс. рабочих мест");
  });

  it("uses the genitive singular for a fraction: 1,5 гектара", () => {
    expect(figure(1.5, "гектар|гектара|гектаров", "ru", "full")).toBe("1,5 гектара");
  });
});

describe("other locales", () => {
  it("English: one and other", () => {
    expect(figure(1, "job|jobs", "en", "full")).toBe("1 job");
    expect(figure(21, "job|jobs", "en", "full")).toBe("21 jobs");
    expect(figure(1400, "job|jobs", "en", "compact")).toBe("1.4K jobs");
  });

  it("Kazakh: the noun keeps its form after a numeral", () => {
    expect(figure(1400, "жұмыс орны", "kk", "compact")).toBe("1,4 мың жұмыс орны");
    expect(figure(2, "жұмыс орны", "kk", "full")).toBe("2 жұмыс орны");
  });
});

describe("numbers", () => {
  it("formats 60000 compact and full with the locale's separators", () => {
    expect(formatNumber(60000, "ru", "compact").text).toBe(`60${NBSP}тыс.`);
    expect(formatNumber(60000, "ru", "full").text).toBe(`60${NBSP}000`);
    expect(formatNumber(60000, "kk", "compact").text).toBe(`60${NBSP}мың`);
    expect(formatNumber(60000, "en", "full").text).toBe("60,000");
  });

  it("reads figures written with spaces or a decimal comma, and refuses words", () => {
    expect(parseFigure("60 000")).toBe(60000);
    expect(parseFigure("1,4")).toBe(1.4);
    expect(parseFigure(1400)).toBe(1400);
    expect(parseFigure("много")).toBeUndefined();
    expect(parseFigure("")).toBeUndefined();
    expect(parseFigure(Number.NaN)).toBeUndefined();
  });
});

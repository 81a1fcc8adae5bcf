// Slugs from Russian and Kazakh Cyrillic through the documented tables, and a site's own table.
import { describe, expect, it } from "vitest";
import { createSlugger, SlugError } from "../plugin/model/slug.ts";

const slug = createSlugger();

describe("Kazakh slugs", () => {
  it("spells every Kazakh letter, none dropped", () => {
    expect(slug("ә ғ қ ң ө ұ ү һ і", "kk")).toBe("a-g-q-n-o-u-u-h-i");
    expect(slug("Қазақстан Республикасы Сауда және интеграция министрлігі", "kk")).toBe(
      "qazaqstan-respublikasy-sauda-zhane-integratsiya-ministrligi",
    );
    expect(slug("Түркістан облысы", "kk")).toBe("turkistan-oblysy");
    expect(slug("Ордабасы ауданы", "kk")).toBe("ordabasy-audany");
    expect(slug("Өңірлік даму", "kk")).toBe("onirlik-damu");
    expect(slug("Һ", "kk")).toBe("h");
  });

  it("spells Kazakh letters in Russian text too", () => {
    expect(slug("Әділет", "ru")).toBe("adilet");
  });
});

describe("Russian slugs", () => {
  it("follows the table, with hard and soft signs written as nothing", () => {
    expect(slug("Туркестанская область", "ru")).toBe("turkestanskaya-oblast");
    expect(slug("Щёлково, подъезд", "ru")).toBe("shchyolkovo-podezd");
    expect(slug("Вице-министр торговли и интеграции", "ru")).toBe("vitse-ministr-torgovli-i-integratsii");
    expect(slug("ТОО «Сауран Пласт»", "ru")).toBe("too-sauran-plast");
    expect(slug("СЭЗ \"Turan\"", "ru")).toBe("sez-turan");
  });

  it("reads Russian х as kh, Kazakh х as h", () => {
    expect(slug("хлопок", "ru")).toBe("khlopok");
    expect(slug("хабар", "kk")).toBe("habar");
  });
});

describe("a site's own table", () => {
  it("wins over the built-in letters", () => {
    const custom = createSlugger({ kk: { ә: "ae", Ү: "ue" } });
    expect(custom("Әлем Үкімет", "kk")).toBe("aelem-uekimet");
  });

  it("is asked for when a letter has no spelling, instead of dropping it", () => {
    expect(() => slug("北京 news", "ru")).toThrow(SlugError);
    expect(() => slug("北京 news", "ru")).toThrow(/transliteration/);
    const custom = createSlugger({ ru: { 北: "bei", 京: "jing" } });
    expect(custom("北京 news", "ru")).toBe("beijing-news");
  });

  it("keeps Latin letters with diacritics readable", () => {
    expect(slug("Café Straße", "en")).toBe("cafe-strasse");
  });
});

// The filters templates use, in Nunjucks and Liquid, speaking the page's locale unless told another.
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, text, type Built } from "./helpers/build.ts";

let site: Built;
beforeAll(async () => {
  site = await buildFixture("filters", { locales: ["ru", "kk", "en"], timeZone: "Asia/Almaty", siteUrl: "https://gov.example.kz/press" });
});

describe("filters", () => {
  it("in Nunjucks on a Kazakh page", () => {
    const html = site.html("/kk/filters/");
    const get = (id: string) => text(html.querySelector(`#${id}`));
    expect(get("date")).toBe("2024 жылғы 1 наурыз");
    expect(get("date-ru")).toBe("29 февраля 2024");
    expect(get("iso")).toBe("2024-02-29T12:00:00+06:00");
    expect(get("compact")).toBe("1,4 мың");
    expect(get("full")).toBe("60 000");
    expect(get("slug")).toBe("qazaqstan-respublikasy");
    expect(get("t")).toBe("Негізгі сандар");
    // A site URL with a path keeps it.
    expect(get("abs")).toBe("https://gov.example.kz/press/kk/filters/");
  });

  it("in Liquid on a Russian page", () => {
    const html = site.html("/ru/liquid-filters/");
    expect(text(html.querySelector("#date"))).toBe("16 декабря 2025");
    expect(text(html.querySelector("#slug"))).toBe("sauran-plast");
  });
});

// Options: defaults in one place, and errors that say what to write; the plugin runs once however often added.
import { describe, expect, it } from "vitest";
import newsroom from "../plugin/index.ts";
import { DEFAULTS, resolveOptions } from "../plugin/model/options.ts";
import { buildFixture, text } from "./helpers/build.ts";

describe("resolveOptions", () => {
  it("fills the defaults", () => {
    const o = resolveOptions({ siteName: "Press", siteUrl: "https://press.example.kz/" });
    expect(o.siteUrl).toBe("https://press.example.kz");
    expect(o.defaultLocale).toBe(DEFAULTS.defaultLocale);
    expect(o.locales).toEqual(["ru"]);
    expect(o.timeZone).toBe("UTC");
    expect(o.perPage).toBe(20);
    expect(o.identity("ru")).toEqual({ siteName: "Press", publisher: { name: "Press", url: "https://press.example.kz" } });
  });

  it("names every bad option with its fix, in one error", () => {
    const attempt = () =>
      resolveOptions({ siteName: "", siteUrl: "press.example.kz", timeZone: "Almaty", perPage: 0, locales: ["ru"], defaultLocale: "kk" });
    expect(attempt).toThrow(/5 problems stop the build/);
    expect(attempt).toThrow(/"siteName" is missing/);
    expect(attempt).toThrow(/"siteUrl" is "press.example.kz", not an absolute http\(s\) URL: write siteUrl: "https:\/\/press.example.kz"/);
    expect(attempt).toThrow(/"timeZone" "Almaty" is not an IANA time zone: write a zone name such as timeZone: "Asia\/Almaty"/);
    expect(attempt).toThrow(/"perPage" is 0/);
    expect(attempt).toThrow(/"defaultLocale" "kk" is not one of locales \["ru"\]/);
  });

  it("refuses a locale without a dictionary, naming the missing strings", () => {
    expect(() => resolveOptions({ siteName: "P", siteUrl: "https://p.kz", locales: ["ru", "uz"] })).toThrow(
      /"strings\.uz" lacks dateFormat, dateTimeFormat, monthYearFormat, strings\.skipToContent/,
    );
  });
});

describe("the plugin", () => {
  it("says which Eleventy it needs when the version does not fit", () => {
    const config = { versionCheck: () => { throw new Error("Eleventy 2.0.1 is not ^3.1."); } };
    expect(() => newsroom(config as never, { siteName: "P", siteUrl: "https://p.kz" })).toThrow(/\[newsroom\] needs Eleventy \^3\.1/);
  });

  it("is unique: a second addPlugin is ignored instead of registering everything twice", async () => {
    const site = await buildFixture("ordering", {}, (c) => c.addPlugin(newsroom, { siteName: "Second", siteUrl: "https://second.kz" }));
    expect(text(site.html("/ru/").querySelector("header.newsroom-header a"))).toBe("Test Press Office");
  });
});

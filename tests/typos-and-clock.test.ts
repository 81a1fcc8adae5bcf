// What a hurried author or a misread clock could publish early: mistyped keys and options, dates
// that cannot be meant, releases dated after the clock, and translations of held-back originals.
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../plugin/model/options.ts";
import { buildError, buildFixture, text, type Built } from "./helpers/build.ts";

const everything = (site: Built) => site.pages.map((p) => p.content).join("\n");

describe("unknown front-matter keys", () => {
  it("are refused, each with the field it most likely meant", async () => {
    const message = await buildError("typos");
    expect(message).toContain('typos/releases/capital-embargo.md: "Embargo" is not a release field: did you mean "embargo"?');
    expect(message).toContain('typos/releases/embargo-until.md: "embargo_until" is not a release field: did you mean "embargo"?');
    expect(message).toContain('typos/releases/draf.md: "draf" is not a release field: did you mean "draft"?');
    expect(message).toContain('typos/releases/titel.md: "titel" is not a release field: did you mean "title"?');
    expect(message).toContain('typos/releases/titel.md: "department" is not a release field: a field of the site\'s own? Declare it: addPlugin(newsroom, { fields: ["department"] })');
  });

  it("a site declares its own fields through the fields option", async () => {
    const message = await buildError("typos", { fields: ["department"] });
    expect(message).not.toContain('"department"');
    expect(message).toContain('"draf" is not a release field');
  });
});

describe("unknown or mistyped options", () => {
  const problem = (options: Record<string, unknown>) => {
    try {
      resolveOptions({ siteName: "P", siteUrl: "https://p.kz", ...options });
    } catch (e) {
      return (e as Error).message;
    }
    return "";
  };

  it("are refused with the option meant", () => {
    expect(problem({ timezone: "Asia/Almaty" })).toContain('"timezone" is not an option: did you mean "timeZone"?');
    expect(problem({ files: { robot: false } })).toContain('"files.robot" is not an option: did you mean "robots"?');
    expect(problem({ search: "no" })).toContain('"search" is "no": write search: true or search: false');
    expect(problem({ registry: 42 })).toContain('"registry" is 42');
    expect(problem({ limits: { tags: 0 } })).toContain('"limits.tags" is 0');
  });
});

const LOCALES = { locales: ["ru", "kk", "en"] };

describe("the build's clock", () => {
  it("holds back a release dated after it, and its translation, until a build after that date", async () => {
    const before = await buildFixture("held-translations", LOCALES);
    expect(everything(before)).not.toContain("wombatsun");
    expect(before.pages.map((p) => p.url)).not.toContain("/ru/2025/12/scheduled/");
    const after = await buildFixture("held-translations", { ...LOCALES, now: "2025-12-20T10:00:00+05:00" });
    expect(text(after.html("/ru/2025/12/scheduled/").querySelector("h1"))).toBe("Запланированный релиз");
    expect(everything(after)).toContain("wombatsun");
  });

  it("refuses dates before 1991 or more than a year after it, naming the field", async () => {
    const message = await buildError("impossible-dates");
    expect(message).toMatch(/impossible-dates\/releases\/far-future\.md: "date" \(9999-12-31T00:00:00\+05:00\) is more than a year after the build's clock \(2025-12-17\)/);
    expect(message).toMatch(/impossible-dates\/releases\/year-99\.md: "date" \(0099-01-01T00:00:00\+\d\d:\d\d(:\d\d)?\) is before 1991/);
  });
});

describe("translations", () => {
  it("inherit the embargo of their original, unless they set their own", async () => {
    const site = await buildFixture("held-translations", LOCALES);
    expect(everything(site)).not.toContain("quokkamoon");
    expect(site.pages.some((p) => p.url.startsWith("/kk/2025/12/"))).toBe(false);
    expect(text(site.html("/en/2025/12/en-own-embargo/").querySelector("h1"))).toBe("English with its own embargo");
    const later = await buildFixture("held-translations", { ...LOCALES, now: "2025-12-18T10:00:00+05:00" });
    expect(later.pages.some((p) => p.url === "/kk/2025/12/kk-translation/")).toBe(true);
  });

  it("of a draft appear where drafts do, and nowhere in a production build", async () => {
    const urls = async (drafts: boolean) => (await buildFixture("draft-translation", { ...LOCALES, drafts })).pages.map((p) => p.url);
    expect(await urls(true)).toEqual(expect.arrayContaining(["/ru/2025/12/original/", "/kk/2025/12/kk/"]));
    expect((await urls(false)).filter((u) => /\/2025\/12\/./.test(u))).toEqual([]);
  });
});

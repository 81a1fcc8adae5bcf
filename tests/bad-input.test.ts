// Bad input fails the build with the file, the field and the fix; nothing is dropped or mangled silently.
import { describe, expect, it } from "vitest";
import { buildError } from "./helpers/build.ts";

describe("bad input stops the build", () => {
  it("a stat value that is not a number", async () => {
    const message = await buildError("bad-stat");
    expect(message).toContain("tests/fixtures/bad-stat/releases/stat-in-words.md");
    // Read before Liquid renders it, so the message has the line in the file.
    expect(message).toMatch(/"stat" on line \d+ has the figure "шестьдесят тысяч", which is not a number in plain digits/);
    expect(message).toContain("write it in digits");
  });

  it("a quote without a speaker", async () => {
    const message = await buildError("bad-quote");
    expect(message).toContain("tests/fixtures/bad-quote/releases/anonymous-quote.md");
    expect(message).toMatch(/"quote" on line \d+ names no speaker/);
    expect(message).toContain("name who said it");
  });

  it("a release without a title", async () => {
    const message = await buildError("bad-title");
    expect(message).toContain("tests/fixtures/bad-title/releases/no-title.md");
    expect(message).toContain('"title" is missing');
    expect(message).toContain("write the headline");
  });

  it("a date that cannot be read", async () => {
    const message = await buildError("bad-date");
    expect(message).toContain("tests/fixtures/bad-date/releases/dotted-date.md");
    expect(message).toContain('"date" is "16.12.2025", which is not a date');
    expect(message).toContain("write an ISO 8601 date such as date: 2025-12-16");
  });

  it("reports every problem of every release at once", async () => {
    const message = await buildError("bad-several");
    expect(message).toContain("3 problems stop the build");
    expect(message).toMatch(/bad-several\/releases\/first\.md: "title" is missing/);
    expect(message).toMatch(/bad-several\/releases\/second\.md: "lead" is missing/);
    expect(message).toMatch(/bad-several\/releases\/second\.md: "source\.url" is "javascript:alert\(1\)", which is not an http\(s\) address/);
  });
});

// Every HTML page of the example passes the Nu Html Checker (vnu-jar, run with the machine's Java).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./helpers/build.ts";
import { sharedExample, filesIn } from "./helpers/site.ts";

const VNU = path.join(ROOT, "node_modules/vnu-jar/build/dist/vnu.jar");

function vnu(target: string): { messages: { type: string; message: string; url: string; extract?: string }[] } {
  const run = spawnSync("java", ["-jar", VNU, "--errors-only", "--skip-non-html", "--no-langdetect", "--format", "json", target], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`the Nu Html Checker needs Java (apt-get install default-jre-headless): ${run.error.message}`);
  return JSON.parse(run.stderr || '{"messages":[]}');
}

let site: string;
beforeAll(() => {
  site = sharedExample();
});

describe("the Nu Html Checker", () => {
  it("finds no error in any page of the example", () => {
    const pages = filesIn(site).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(50);
    const errors = vnu(site).messages.filter((m) => m.type === "error");
    expect(errors.map((e) => `${e.url.replace(`file:${site}`, "")}: ${e.message} ${e.extract ?? ""}`)).toEqual([]);
  });

  it("does report a broken page, so a pass means something", () => {
    const bad = path.join(ROOT, "tests/fixtures/invalid-html/broken.html");
    const errors = vnu(bad).messages.filter((m) => m.type === "error");
    expect(errors.length).toBeGreaterThan(0);
  });
});

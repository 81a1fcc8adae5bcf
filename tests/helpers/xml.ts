// XML for tests: a real parser, and xmllint for schema validation (a missing xmllint fails in CI).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parse } from "node-html-parser";

export function parseXml(xml: string): any {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["entry", "item", "url", "sitemap", "category", "link"].includes(name) }).parse(xml);
}

/** Validates XML against an XSD with xmllint; returns xmllint's verdict. */
export function xmllint(xml: string, schema: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "newsroom-xml-"));
  const file = path.join(dir, "doc.xml");
  writeFileSync(file, xml);
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schema, file], { encoding: "utf8" });
  if (run.error) {
    throw new Error(`xmllint is not installed (apt-get install libxml2-utils): ${run.error.message}`);
  }
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/**
 * A feed's text element as a reader shows it: the XML text (with `#text` when it has attributes),
 * read as HTML, which is how readers treat RSS titles and descriptions and Atom's `type="html"`.
 */
export function feedText(value: unknown): string {
  const xmlText = typeof value === "object" && value !== null ? (value as Record<string, unknown>)["#text"] : value;
  return parse(String(xmlText ?? "")).text;
}

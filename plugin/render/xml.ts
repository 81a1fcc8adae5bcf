// Escaping for XML text and attributes, and characters XML 1.0 cannot carry at all.

// Control characters other than tab, newline and return are not allowed in XML 1.0, even escaped.
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(value: unknown): string {
  return String(value ?? "")
    .replace(INVALID, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

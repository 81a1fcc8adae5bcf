// Escaping for each place a string from content or options can land.

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and for double- or single-quoted attributes. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * A URL safe to put in an `href`: only http(s), mailto, protocol-relative and relative URLs pass.
 * Anything else (`javascript:`, `data:`, `vbscript:` …) returns undefined so the caller can refuse it.
 */
export function safeUrl(value: string): string | undefined {
  // Browsers ignore ASCII control characters and whitespace inside a scheme, so strip them before judging it.
  const probe = value.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(probe)?.[1];
  if (scheme === undefined) return value;
  return scheme === "http" || scheme === "https" || scheme === "mailto" ? value : undefined;
}

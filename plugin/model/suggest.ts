// "Did you mean": the known keys nearest to a mistyped one, for every message about a key.

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** "did you mean …" with the nearest known keys, or the list of keys when none is near. */
export function suggest(unknown: string, known: string[]): string {
  if (known.length === 0) return "the registry is empty: add the entry first";
  const ranked = known
    .map((k) => ({ k, d: distance(unknown.toLowerCase(), k.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1));
  const best = ranked[0]!.d;
  const near = ranked.filter((r) => r.d <= Math.max(2, Math.floor(unknown.length / 3)) && r.d <= best + 1).slice(0, 3);
  return near.length > 0
    ? `did you mean ${near.map((r) => `"${r.k}"`).join(" or ")}?`
    : `use one of ${ranked.slice(0, 5).map((r) => `"${r.k}"`).join(", ")}${known.length > 5 ? ", …" : ""}, or add it to the registry`;
}

/**
 * The field or option a mistyped key most likely meant: the same letters in another case
 * (`Embargo`), a near spelling (`draf`, `titel`), or a known key inside it (`embargo_until`).
 */
function nearestKey(unknown: string, known: readonly string[]): string | undefined {
  const lower = unknown.toLowerCase().replace(/[-_\s]/g, "");
  const same = known.find((k) => k.toLowerCase() === lower);
  if (same !== undefined) return same;
  const ranked = known.map((k) => ({ k, d: distance(lower, k.toLowerCase()) })).sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1));
  if (ranked[0] && ranked[0].d <= Math.max(2, Math.floor(unknown.length / 3))) return ranked[0].k;
  return known.filter((k) => k.length >= 4 && lower.includes(k.toLowerCase())).sort((a, b) => b.length - a.length)[0];
}

/** `did you mean "embargo"?`, or what to do when nothing is near. */
export function didYouMean(unknown: string, known: readonly string[], otherwise: string): string {
  const near = nearestKey(unknown, known);
  return near !== undefined ? `did you mean "${near}"?` : otherwise;
}

// Results worth remembering (Intl formatters, parsed dates, escaped feed bodies): one helper for all.

/**
 * `compute`, remembered by `key`. Past `limit` entries the memory starts afresh, so a long `--serve`
 * session cannot grow it without end. Only for results that depend on the arguments alone.
 */
export function remember<A extends unknown[], V>(key: (...args: A) => string, compute: (...args: A) => V, limit = 100_000): (...args: A) => V {
  const seen = new Map<string, V>();
  return (...args) => {
    const k = key(...args);
    if (seen.has(k)) return seen.get(k) as V;
    const value = compute(...args);
    if (seen.size >= limit) seen.clear();
    seen.set(k, value);
    return value;
  };
}

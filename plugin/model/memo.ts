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

/**
 * `compute`, remembered by its string arguments in nested maps rather than by one joined key: a
 * string that comes back (a release's lead, its date) keeps its hash, where a key joined on every
 * call is a new string to hash. For filters called tens of thousands of times a build.
 */
export function rememberEach<A extends string[], V>(compute: (...args: A) => V, limit = 100_000): (...args: A) => V {
  let root = new Map<string, unknown>();
  let size = 0;
  return (...args) => {
    let level = root;
    for (let i = 0; i < args.length - 1; i++) {
      let next = level.get(args[i]!) as Map<string, unknown> | undefined;
      if (!next) level.set(args[i]!, (next = new Map()));
      level = next;
    }
    const last = args[args.length - 1]!;
    if (level.has(last)) return level.get(last) as V;
    const value = compute(...args);
    if (size >= limit) {
      root = new Map();
      size = 0;
      return value;
    }
    level.set(last, value);
    size++;
    return value;
  };
}

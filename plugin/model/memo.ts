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

/** A function remembered by `rememberEach`, which can also be told a result it will be asked for. */
export type RememberedEach<A extends string[], V> = ((...args: A) => V) & {
  /** Remembers `value` as the result for `args`, where it is known another way; a result already remembered stays. */
  seed(value: V, ...args: A): void;
};

/**
 * `compute`, remembered by its string arguments in nested maps rather than by one joined key: a
 * string that comes back (a release's lead, its date) keeps its hash, where a key joined on every
 * call is a new string to hash. For filters called tens of thousands of times a build.
 */
export function rememberEach<A extends string[], V>(compute: (...args: A) => V, limit = 100_000): RememberedEach<A, V> {
  let root = new Map<string, unknown>();
  let size = 0;
  /** The map that holds the last argument's result. */
  const levelOf = (args: A): Map<string, unknown> => {
    let level = root;
    for (let i = 0; i < args.length - 1; i++) {
      let next = level.get(args[i]!) as Map<string, unknown> | undefined;
      if (!next) level.set(args[i]!, (next = new Map()));
      level = next;
    }
    return level;
  };
  const keep = (level: Map<string, unknown>, last: string, value: V) => {
    if (size >= limit) {
      root = new Map();
      size = 0;
      return;
    }
    level.set(last, value);
    size++;
  };
  const remembered = (...args: A): V => {
    const level = levelOf(args);
    const last = args[args.length - 1]!;
    if (level.has(last)) return level.get(last) as V;
    const value = compute(...args);
    keep(level, last, value);
    return value;
  };
  return Object.assign(remembered, {
    seed(value: V, ...args: A) {
      const level = levelOf(args);
      const last = args[args.length - 1]!;
      if (!level.has(last)) keep(level, last, value);
    },
  });
}

// Errors a press-office developer can act on: every one names the file, the field and the fix.

export const PREFIX = "[newsroom]";

export interface Problem {
  /** The template or data file, relative to the project, e.g. `./src/releases/turkestan.md`. */
  file: string;
  /** The front-matter field, option or shortcode the problem is in. */
  field: string;
  /** What is wrong, as one clause. */
  message: string;
  /** What to write instead. */
  fix: string;
}

export function formatProblem(p: Problem): string {
  return `${PREFIX} ${p.file}: "${p.field}" ${p.message}: ${p.fix}`;
}

/** One error carrying every problem found, so a build reports all bad files at once. */
export class NewsroomError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const lines = problems.map(formatProblem);
    super(
      problems.length === 1
        ? lines[0]!
        : `${PREFIX} ${problems.length} problems stop the build:\n${lines.join("\n")}`,
    );
    this.name = "NewsroomError";
    this.problems = problems;
  }
}

/**
 * The one way a build's problems travel: every check (front matter, dates, shortcodes, registries,
 * terms) adds to the build's log, and the build stops once, with every problem of every file.
 */
export class ProblemLog {
  #problems = new Map<string, Problem>();
  add(...problems: Problem[]): void {
    for (const problem of problems) {
      // The same problem met twice (a release read by two hooks) is told once.
      const key = `${problem.file}|${problem.field}|${problem.message}`;
      if (!this.#problems.has(key)) this.#problems.set(key, problem);
    }
  }
  get size(): number {
    return this.#problems.size;
  }
  /** Stops the build when anything was found. */
  throwIfAny(): void {
    if (this.#problems.size > 0) throw new NewsroomError(this.list());
  }
  list(): Problem[] {
    return [...this.#problems.values()];
  }
  clear(): void {
    this.#problems.clear();
  }
}

export function fail(problem: Problem): never {
  throw new NewsroomError([problem]);
}

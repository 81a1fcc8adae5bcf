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

export function fail(problem: Problem): never {
  throw new NewsroomError([problem]);
}

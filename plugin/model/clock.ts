// The build's "now": one instant per build, the build's start unless an option or the environment pins it.
import { DateTime } from "luxon";
import { parseDate } from "./dates.ts";
import { NewsroomError } from "./errors.ts";

export type NowOption = string | Date | "clock" | undefined;

/** Where the instant came from, for messages: `the now option`, `SOURCE_DATE_EPOCH`, `the build's start`. */
export interface Now {
  at: DateTime;
  from: string;
}

const FIX = 'an ISO 8601 instant such as 2025-12-16T12:00:00+05:00, or "clock" for the build\'s start';

/**
 * What the build takes as the current instant, in order: the `now` option (an ISO instant, or
 * "clock"), `NEWSROOM_NOW`, `SOURCE_DATE_EPOCH` (whole seconds, the reproducible-builds
 * convention), and otherwise `start`, the instant the build started. A value that cannot be read
 * stops the build, naming it: a clock silently replaced by another would publish or hold back the
 * wrong releases.
 */
export function resolveNow(option: NowOption, env: NodeJS.ProcessEnv, zone: string, start: DateTime): Now {
  const read = (value: string | Date, from: string, fix: string): Now => {
    if (value === "clock") return { at: start.setZone(zone), from: "the build's start" };
    const at = parseDate(value, zone);
    if (!at) throw new NewsroomError([{ file: from === "the now option" ? "addPlugin(newsroom, options)" : "environment", field: from === "the now option" ? "now" : from, message: `is ${JSON.stringify(value)}, which is not a date`, fix }]);
    return { at, from };
  };
  if (option !== undefined) return read(option, "the now option", `write ${FIX}`);
  if (env.NEWSROOM_NOW !== undefined && env.NEWSROOM_NOW !== "") return read(env.NEWSROOM_NOW, "NEWSROOM_NOW", `set ${FIX}`);
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch.trim())) {
      throw new NewsroomError([{ file: "environment", field: "SOURCE_DATE_EPOCH", message: `is ${JSON.stringify(epoch)}, not a whole number of seconds`, fix: "set it to seconds since 1970, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)" }]);
    }
    return { at: DateTime.fromSeconds(Number(epoch), { zone }), from: "SOURCE_DATE_EPOCH" };
  }
  return { at: start.setZone(zone), from: "the build's start" };
}

/** The oldest date a release may carry: Kazakhstan's independence; anything earlier is a typo. */
const EARLIEST = DateTime.fromISO("1991-01-01T00:00:00Z");

/**
 * Why a release date is impossible, or undefined when it is plausible: before 1991, or more than a
 * year after the build's clock (`9999-12-31` would pin a release atop every list for ever).
 */
export function implausible(date: DateTime, now: DateTime): string | undefined {
  if (date < EARLIEST) return `is before 1991`;
  if (date > yearAfter(now)) return `is more than a year after the build's clock (${now.toISODate()})`;
  return undefined;
}
// A year after the clock, worked out once per clock rather than once per release.
const yearsAfter = new WeakMap<DateTime, DateTime>();
function yearAfter(now: DateTime): DateTime {
  let at = yearsAfter.get(now);
  if (!at) yearsAfter.set(now, (at = now.plus({ years: 1 })));
  return at;
}

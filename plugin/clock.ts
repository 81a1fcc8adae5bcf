// The build's "now": from an option or the environment, so the same input builds the same output.
import { DateTime } from "luxon";
import { parseDate } from "./dates.ts";

export type NowOption = string | Date | "clock" | undefined;

/**
 * What the build takes as the current instant, in order: the `now` option (an ISO date, or "clock"
 * for the machine's clock), `NEWSROOM_NOW`, `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds
 * convention), and otherwise `fallback` (the newest release), never the machine's clock by default.
 */
export function resolveNow(option: NowOption, env: NodeJS.ProcessEnv, zone: string, fallback: () => DateTime | undefined): DateTime | undefined {
  if (option === "clock") return DateTime.now().setZone(zone);
  if (option !== undefined) return parseDate(option, zone);
  if (env.NEWSROOM_NOW) return env.NEWSROOM_NOW === "clock" ? DateTime.now().setZone(zone) : parseDate(env.NEWSROOM_NOW, zone);
  if (env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH)) {
    return DateTime.fromSeconds(Number(env.SOURCE_DATE_EPOCH), { zone });
  }
  return fallback();
}

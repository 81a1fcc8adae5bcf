// Share cards drawn in a process of their own, at the lowest priority. On the build's own thread,
// satori's layout and the garbage of 100 KB SVGs competed with Eleventy's rendering in a heap of a
// gigabyte (96 cards at 5,000 releases added about 3 s with satori alone). A worker thread moved
// satori off that thread, but sharp rasterises on the process's shared thread pools, at the build's
// own priority: those threads took 2 s of CPU from a build of 12 s on two cores. A child process
// lowers its own priority before it starts any thread, so every thread it makes inherits it, and
// nothing of the site's process (its thread pools, other users of sharp) is touched.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { cardTree, PNG_OPTIONS, SATORI_OPTIONS, type CardFont, type CardInput } from "./share-card.ts";

const require = createRequire(import.meta.url);
/** How long the drawer waits for another card before it closes. */
const IDLE_MS = 10_000;

// The process keeps its own queue and draws two cards at a time: satori lays out one while sharp
// rasterises the other on its own threads, so that when the build has rendered its pages and waits
// for the last cards, both cores draw. Eleventy renders pages as one long chain of promises, in
// which the build hears the drawer's messages only at the end; a queue on the build's side, fed as
// cards finished, left the drawer idle after its first few.
// Plain JavaScript given as source, so that it runs alike under the compiled package, tsx and vitest;
// it draws what cardPng draws, with the same satori and sharp, and the test compares the two.
const DRAWER = `
const os = require("node:os");
// First of all, before any thread pool exists: every thread made from here on inherits the priority.
try { os.setPriority(19); } catch {}
let ready;
const queue = [];
let running = 0;
const next = async () => {
  if (running >= 2 || queue.length === 0 || !ready) return;
  running++;
  const { id, tree } = queue.shift();
  next();
  const { satori, sharp, fonts, setup } = ready;
  try {
    const svg = await satori(tree, { ...setup.satoriOptions, fonts, loadAdditionalAsset: async () => "" });
    const png = await sharp(Buffer.from(svg)).png(setup.pngOptions).toBuffer();
    process.send({ id, png });
  } catch (e) {
    process.send({ id, error: String((e && e.stack) || e) });
  }
  running--;
  next();
};
process.on("message", (message) => {
  if (message.setup) {
    const setup = message.setup;
    const fonts = setup.fonts.map((f) => ({ ...f, data: Buffer.from(f.data) }));
    ready = { satori: require(setup.satori).default, sharp: require(setup.sharp), fonts, setup };
  } else queue.push(message);
  next();
});
process.on("disconnect", () => process.exit(0));
`;

export interface CardDrawer {
  /** The card as a PNG, drawn in the drawing process. */
  draw(card: CardInput): Promise<Buffer>;
  /** Starts the process, so that it has loaded its tools and fonts by the first card. */
  warm(): void;
  /** Whether the process is running (started, and not closed for idleness). */
  running(): boolean;
}

/** A drawer with one process, started at the first card; it keeps the build alive only while it draws. */
export function cardDrawer(fonts: CardFont[], idleMs = IDLE_MS): CardDrawer {
  let child: ChildProcess | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve(png: Buffer): void; reject(e: Error): void }>();
  let idle: NodeJS.Timeout | undefined;
  // Held while cards are pending; let go when none is, so that the drawer never holds the build open,
  // and closed after a while with nothing to draw (a `--serve` session, a test run of many builds).
  const hold = (on: boolean) => {
    if (!child) return;
    const c = child;
    const channel = c.channel as { ref?(): void; unref?(): void } | undefined;
    clearTimeout(idle);
    if (on) {
      c.ref();
      channel?.ref?.();
    } else {
      c.unref();
      channel?.unref?.();
      idle = setTimeout(() => {
        if (child !== c || pending.size > 0) return;
        child = undefined;
        c.disconnect();
      }, idleMs).unref();
    }
  };

  const start = (): ChildProcess => {
    // Only this source runs there: no loader or option of the build's own process is passed on.
    const c = spawn(process.execPath, ["-e", DRAWER], { stdio: ["ignore", "inherit", "inherit", "ipc"], serialization: "advanced", env: { ...process.env, NODE_OPTIONS: "" } });
    c.on("message", ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
      const job = pending.get(id);
      pending.delete(id);
      if (pending.size === 0) hold(false);
      if (!job) return;
      if (png) job.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      else job.reject(new Error(error ?? "the card was not drawn"));
    });
    // Only the drawer in use fails the cards in hand; one closed for idleness has none.
    const fail = (e: Error) => {
      if (child !== c) return;
      child = undefined;
      for (const job of pending.values()) job.reject(e);
      pending.clear();
    };
    c.on("error", fail);
    c.on("exit", (code, signal) => fail(new Error(`the share card process stopped (${signal ?? `exit code ${code}`})`)));
    c.send({
      setup: {
        satori: require.resolve("satori"),
        sharp: require.resolve("sharp"),
        fonts: fonts.map((f) => ({ name: f.name, data: new Uint8Array(f.data), weight: f.weight, style: f.style })),
        satoriOptions: SATORI_OPTIONS,
        pngOptions: PNG_OPTIONS,
      },
    });
    return c;
  };

  return {
    warm() {
      if (child) return;
      child = start();
      hold(false);
    },
    running: () => child !== undefined,
    draw(card) {
      child ??= start();
      const c = child;
      const id = nextId++;
      const tree = cardTree(card, fonts);
      return new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        hold(true);
        c.send({ id, tree });
      });
    },
  };
}

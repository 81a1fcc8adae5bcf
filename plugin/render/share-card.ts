// Share cards: the 1200×630 picture a social network or a messenger shows for a link. satori lays
// out the card and draws every letter as a path from the fonts it is given, so the SVG needs no font
// on the machine that rasterises it; sharp (already here for the photos) turns it into a PNG.
// A second native renderer (resvg) would draw the same pixels and add a binary to install.
import satori from "satori";
import sharp from "sharp";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** What a card shows; everything is plain text, and satori draws it as shapes, never as markup. */
export interface CardInput {
  /** The release's headline, or the site's name on the site-wide card. */
  headline: string;
  /** The date as the page shows it, in the page's language; none on the site-wide card. */
  date?: string;
  /** The publisher's name in the page's language. */
  publisher: string;
  /** The first key figure: the number as printed and what it counts. */
  figure?: { value: string; label: string };
  /** The logo as a PNG, already rasterised. */
  logoPng?: Buffer;
  /** The locale, for satori's line breaking. */
  locale: string;
}

export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: "normal" | "italic";
}

const INK = "#10243b";
const BRAND = "#0b5cad";
const PAPER = "#ffffff";
const RULE = "#d5dde6";

type Node = { type: string; props: Record<string, unknown> & { children?: Node | Node[] | string } };
const el = (type: string, style: Record<string, unknown>, children?: Node | Node[] | string, props: Record<string, unknown> = {}): Node => ({
  type,
  props: { style, children, ...props },
});

/** Fewer letters, bigger type: a short headline fills the card, a long one still fits in four lines. */
function headlineSize(text: string): number {
  const n = [...text].length;
  if (n <= 50) return 68;
  if (n <= 90) return 56;
  if (n <= 140) return 46;
  return 40;
}

function tree(card: CardInput, families: string[]): Node {
  const font = families.join(", ");
  const top: Node[] = [];
  if (card.date) top.push(el("div", { fontSize: 28, color: BRAND, fontWeight: 700 }, card.date));
  const size = headlineSize(card.headline);
  const middle: Node[] = [
    el(
      "div",
      { fontSize: size, lineHeight: 1.18, fontWeight: 700, color: INK, lineClamp: card.figure ? 3 : 4, display: "block" },
      card.headline,
    ),
  ];
  if (card.figure) {
    middle.push(
      el("div", { display: "flex", alignItems: "baseline", marginTop: 28, color: BRAND }, [
        el("div", { fontSize: 56, fontWeight: 700 }, card.figure.value),
        el("div", { fontSize: 30, marginLeft: 18, color: INK, lineClamp: 1, display: "block", flexShrink: 1 }, card.figure.label),
      ]),
    );
  }
  const bottom: Node[] = [];
  if (card.logoPng) {
    bottom.push(el("img", { width: 72, height: 72, marginRight: 24 }, undefined, { src: `data:image/png;base64,${card.logoPng.toString("base64")}`, width: 72, height: 72 }));
  }
  bottom.push(el("div", { fontSize: 28, color: INK, lineClamp: 2, display: "block", flexShrink: 1 }, card.publisher));
  // The brand band and the rule are boxes of their own, and nothing clips: satori draws a border and
  // an overflow as clip paths and masks, which took a third of the rasteriser's time (21 ms a card
  // against 14). The headline's line clamp keeps it inside its band.
  return el(
    "div",
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      display: "flex",
      flexDirection: "column",
      backgroundColor: PAPER,
      fontFamily: font,
    },
    [
      el("div", { height: 16, backgroundColor: BRAND }),
      el("div", { height: 100, display: "flex", alignItems: "flex-end", paddingLeft: 72, paddingRight: 72 }, top),
      el("div", { height: 344, display: "flex", flexDirection: "column", justifyContent: "center", paddingLeft: 72, paddingRight: 72 }, middle),
      el("div", { height: 2, backgroundColor: RULE }),
      el("div", { height: 168, display: "flex", alignItems: "center", paddingLeft: 72, paddingRight: 72 }, bottom),
    ],
  );
}

/** The card as the element tree satori lays out: plain data, so that another process can draw it. */
export function cardTree(card: CardInput, fonts: CardFont[]): object {
  return tree(card, [...new Set(fonts.map((f) => f.name))]);
}

/** satori's options besides the fonts. */
export const SATORI_OPTIONS = { width: CARD_WIDTH, height: CARD_HEIGHT } as const;
/** zlib's level 9 took twice as long as the default 6 for a file 2% smaller. */
export const PNG_OPTIONS = { compressionLevel: 6 } as const;

/** The card as SVG, its letters drawn as paths. */
export async function cardSvg(card: CardInput, fonts: CardFont[]): Promise<string> {
  return satori(cardTree(card, fonts) as never, {
    ...SATORI_OPTIONS,
    fonts: fonts.map((f) => ({ name: f.name, data: f.data, weight: f.weight, style: f.style })),
    // satori would otherwise fetch a font for a letter none of the given fonts has.
    loadAdditionalAsset: async () => "",
  });
}

/** The card as a PNG, drawn on this thread; the same input and versions give the same bytes. */
export async function cardPng(card: CardInput, fonts: CardFont[]): Promise<Buffer> {
  const svg = await cardSvg(card, fonts);
  return sharp(Buffer.from(svg)).png(PNG_OPTIONS).toBuffer();
}

/** The logo, at the size the card shows it, as a PNG satori can embed. */
export function logoPng(source: Buffer): Promise<Buffer> {
  return sharp(source, { density: 300 }).resize(144, 144, { fit: "contain", background: { r: 0, g: 0, b: 0, alpha: 0 } }).png().toBuffer();
}

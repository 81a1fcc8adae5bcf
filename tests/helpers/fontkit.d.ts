// fontkit ships no types: the one call the font test makes.
declare module "fontkit" {
  export function create(buffer: Buffer): unknown;
}

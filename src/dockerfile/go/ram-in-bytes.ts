/**
 * docker/go-units RAMInBytes: "64m", "1.5GiB", "512 kb" to bytes (binary
 * multiples). Returns undefined where Go returns an error.
 */
import { goParseFloat } from "../../golang/strconv-parse.js";
import { utf8Length } from "../../golang/utf8.js";

const MUL: Readonly<Record<string, number>> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

export function ramInBytes(size: string): number | undefined {
  let sep = -1;
  for (let i = size.length - 1; i >= 0; i--) {
    if ("01234567890. ".includes(size[i] as string)) {
      sep = i;
      break;
    }
  }
  if (sep === -1) return undefined;
  const num = size[sep] !== " " ? size.slice(0, sep + 1) : size.slice(0, sep);
  let sfx = size.slice(sep + 1);
  let v = goParseFloat(num);
  if (v === undefined || v < 0) return undefined;
  if (sfx.length === 0) return Math.trunc(v);
  if (utf8Length(sfx) > 3) return undefined;
  sfx = sfx.toLowerCase();
  if (sfx[0] === "b") return sfx.length > 1 ? undefined : Math.trunc(v);
  const mul = MUL[sfx[0] as string];
  if (mul === undefined) return undefined;
  v *= mul;
  if (sfx.length === 2 && sfx[1] !== "b") return undefined;
  if (sfx.length === 3 && sfx.slice(1) !== "ib") return undefined;
  return Math.trunc(v);
}

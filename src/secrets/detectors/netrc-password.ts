/**
 * .netrc passwords: the value after `password` in a netrc entry (`machine
 * <host> login <user> password <secret>`, on one line or spread over
 * several). Only in text that reads as a netrc: a file named .netrc/_netrc,
 * or a `password` token on the same line as, or within 3 lines after, a
 * `machine` or `default` token. Placeholders are left out.
 */
import { type Detector, type RawMatch } from "../detector.js";
import { isPlaceholderValue } from "../placeholder.js";

const PASSWORD = /(?:^|\s)password\s+(\S+)/dg;

export const netrcPassword: Detector = {
  id: "netrc-password",
  title: "a .netrc password",
  hint: /\bpassword\s+\S/,
  scan: (text, ctx) => {
    const isNetrc = /(^|\/)[._]netrc$/.test(ctx.file);
    const out: RawMatch[] = [];
    const lines = text.split("\n");
    let offset = 0;
    let lastMachine = -100;
    lines.forEach((line, i) => {
      if (/(^|\s)(machine\s+\S+|default)(\s|$)/.test(line)) lastMachine = i;
      if (isNetrc || i - lastMachine <= 3) {
        PASSWORD.lastIndex = 0;
        for (let m = PASSWORD.exec(line); m !== null; m = PASSWORD.exec(line)) {
          const s = m[1]!;
          if (!isPlaceholderValue(s) && !/^["']?\$/.test(s)) out.push({ index: offset + m.indices![1]![0], secret: s });
        }
      }
      offset += line.length + 1;
    });
    return out;
  },
};

/**
 * Private keys in PEM and OpenSSH armour: `-----BEGIN [RSA |EC |DSA |
 * OPENSSH |ENCRYPTED |PGP ]PRIVATE KEY[ BLOCK]-----`, then the matching END
 * line within 16 KiB, with a body of at least 64 base64 characters between
 * them (line breaks, `\n` escapes of JSON/YAML strings, quotes, string
 * concatenation and PEM headers like Proc-Type are skipped). A header alone,
 * or a body of `...`, is documentation, not a key. The secret is the whole
 * block. Linear time: headers are found by a regexp, ends by indexOf.
 * Leaves out PuTTY .ppk files and DER-encoded keys (binary).
 */
import type { Detector, RawMatch } from "../detector.js";

const BEGIN = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----/g;
const MAX_BODY = 16 * 1024;

export const privateKey: Detector = {
  id: "private-key",
  title: "a private key",
  hint: /-----BEGIN [A-Z ]*PRIVATE KEY/,
  scan: (text) => {
    const out: RawMatch[] = [];
    BEGIN.lastIndex = 0;
    for (let m = BEGIN.exec(text); m !== null; m = BEGIN.exec(text)) {
      const endMarker = `-----END ${m[1]}-----`;
      const bodyStart = m.index + m[0].length;
      const end = text.indexOf(endMarker, bodyStart);
      if (end < 0 || end - bodyStart > MAX_BODY) continue;
      const raw = text.slice(bodyStart, end);
      if (raw.includes("...")) continue;
      const body = raw
        .replace(/\\[rn]/g, "\n")
        .split("\n")
        .filter((l) => !/^\s*(Proc-Type|DEK-Info|Version|Comment):/.test(l))
        .join("")
        .replace(/[\s"'+,]/g, "");
      if (body.length < 64 || /[^A-Za-z0-9+/=]/.test(body)) continue;
      out.push({ index: m.index, secret: text.slice(m.index, end + endMarker.length) });
      BEGIN.lastIndex = end + endMarker.length;
    }
    return out;
  },
};

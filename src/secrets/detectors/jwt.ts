/**
 * JSON Web Tokens: three base64url parts where the first two decode to JSON
 * objects and the header names an `alg` (`eyJ...` . `eyJ...` . signature).
 * Unsigned tokens (`alg: none`, empty signature) are reported too: they
 * still carry claims. Leaves out JWE (five parts).
 */
import { type Detector, matchAll } from "../detector.js";

const RE = /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*)(?![A-Za-z0-9_.-])/dg;

function jsonPart(part: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const jwt: Detector = {
  id: "jwt",
  title: "a JSON Web Token",
  hint: /eyJ[A-Za-z0-9_-]{8,}\.eyJ/,
  scan: (text) =>
    matchAll(text, RE, 1, (s) => {
      const [h, p] = s.split(".");
      const header = jsonPart(h ?? "");
      return header !== null && typeof header.alg === "string" && jsonPart(p ?? "") !== null;
    }),
};

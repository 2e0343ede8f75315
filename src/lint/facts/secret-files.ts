/**
 * File names that hold private keys or credentials, for GS407 (COPY/ADD of
 * them into an image). The list lives in src/secrets/secret-file-names.ts.
 */
export { secretFileKind } from "../../secrets/secret-file-names.js";

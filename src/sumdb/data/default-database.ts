/**
 * The go command's default checksum database: its verifier key, exactly as
 * `knownGOSUMDB` in $(go env GOROOT)/src/cmd/go/internal/modfetch/key.go
 * (Go 1.26) lists it. The database's name is the key's first "+" field.
 * This is the ONE place goship writes it down; everything else reads the
 * name from here or from `go env GOSUMDB`.
 *
 * Leaves out the go command's alias of the mirror name for the same database
 * (dbDial rewrites it to "<name> https://<mirror>"): pass a GOSUMDB with an
 * explicit URL instead.
 */
export const DEFAULT_SUMDB_KEY = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

/** The default database's name (the verifier key's name field). */
export const DEFAULT_SUMDB_NAME: string = DEFAULT_SUMDB_KEY.slice(0, DEFAULT_SUMDB_KEY.indexOf("+"));

/** knownGOSUMDB: names the go command accepts without a key. */
export const KNOWN_SUMDB_KEYS: Readonly<Record<string, string>> = Object.freeze({ [DEFAULT_SUMDB_NAME]: DEFAULT_SUMDB_KEY });

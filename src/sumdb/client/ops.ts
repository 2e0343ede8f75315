/**
 * ClientOps: everything the checksum database client needs from the outside
 * world, as golang.org/x/mod/sumdb.ClientOps (v0.43.0) defines it: remote
 * reads, the two configuration files ("key" and "<name>/latest", the last
 * signed tree head seen, written with compare-and-swap), a cache of
 * authenticated lookups and tiles, and a log. SecurityError is not a hook
 * here: the client throws SecurityError (client/errors.ts) and refuses
 * every later lookup. An HTTP+disk implementation is node-ops.ts; an
 * offline one is the same with remote reads turned off; tests pass their own.
 */
export interface ClientOps {
  /** GET <database URL><path> ("/latest", "/lookup/...", "/tile/..."); throws RemoteError on a non-200 answer. */
  readRemote(path: string): Promise<Uint8Array>;
  /** "key" (the verifier key) or "<name>/latest" (empty when none is known yet). */
  readConfig(file: string): Promise<Uint8Array>;
  /** Replaces `old` with `next`; throws WriteConflictError when the stored content is not `old`. */
  writeConfig(file: string, old: Uint8Array, next: Uint8Array): Promise<void>;
  /** "<name>/lookup/<mod>@<ver>" or "<name>/tile/..."; undefined when absent. */
  readCache(file: string): Promise<Uint8Array | undefined>;
  writeCache(file: string, data: Uint8Array): Promise<void>;
  log?(msg: string): void;
}

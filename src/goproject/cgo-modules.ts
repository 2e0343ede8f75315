/**
 * Modules known to need cgo: their packages `import "C"` (binding a C library
 * such as SQLite, librdkafka, RocksDB, libvips, libgit2, Oracle's OCI), so a
 * module depending on them must be built with CGO_ENABLED=1, a C toolchain
 * and a glibc runtime. A short, documented list, not a dependency scan: goship
 * does not read the module cache. Matching is by module path, ignoring a
 * `/vN` major-version suffix.
 */
export const KNOWN_CGO_MODULES: readonly { readonly path: string; readonly why: string }[] = Object.freeze([
  { path: "github.com/mattn/go-sqlite3", why: "binds SQLite (C)" },
  { path: "github.com/mattn/go-oci8", why: "binds Oracle OCI (C)" },
  { path: "github.com/godror/godror", why: "binds Oracle ODPI-C (C)" },
  { path: "github.com/confluentinc/confluent-kafka-go", why: "binds librdkafka (C)" },
  { path: "github.com/DataDog/zstd", why: "binds zstd (C)" },
  { path: "github.com/valyala/gozstd", why: "binds zstd (C)" },
  { path: "github.com/linxGnu/grocksdb", why: "binds RocksDB (C++)" },
  { path: "github.com/tecbot/gorocksdb", why: "binds RocksDB (C++)" },
  { path: "github.com/h2non/bimg", why: "binds libvips (C)" },
  { path: "github.com/davidbyttow/govips", why: "binds libvips (C)" },
  { path: "github.com/libgit2/git2go", why: "binds libgit2 (C)" },
  { path: "github.com/miekg/pkcs11", why: "loads PKCS#11 modules through cgo" },
  { path: "github.com/ceph/go-ceph", why: "binds librados (C)" },
  { path: "gopkg.in/gographics/imagick.v3", why: "binds ImageMagick (C)" },
  { path: "gopkg.in/gographics/imagick.v2", why: "binds ImageMagick (C)" },
]);

/** The known-cgo entry for a module path (with or without a /vN suffix), or null. */
export function knownCgoModule(path: string): { readonly path: string; readonly why: string } | null {
  const base = path.replace(/\/v[2-9][0-9]*$/, "");
  return KNOWN_CGO_MODULES.find((m) => m.path === base || m.path === path) ?? null;
}

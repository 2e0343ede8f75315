/**
 * `goship preflight --emit-sh`: the same checks as a POSIX shell script that
 * needs only busybox (nslookup, nc, wget, awk, grep, timeout), to run inside a build stage
 * or as a Kubernetes init container. It walks the GOPROXY list with the go
 * command's fallthrough rules (404/410 always, other failures only after
 * "|"), then finds the checksum database as the go command does (GOSUMDB's
 * URL; else `<proxy>/sumdb/<name>/supported` per entry, 200 = through that
 * proxy, 404/410 = next entry, other failures stop after "," and stand
 * after "|" unless "direct" follows; "direct"/"off"/the end = the database
 * itself) and checks it; exit 1 when the build could not fetch its modules. busybox wget honours http_proxy/https_proxy itself.
 *
 * The TCP step needs an nc with -z (busybox built with NC_EXTRA); without it
 * wget's own connect error stands in. Leaves out TLS chain inspection
 * (busybox wget only says it failed) and
 * VCS hosts (a "direct" entry is reported, not probed).
 */
import type { TargetPlan } from "./targets.js";

function q(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function emitShell(plan: TargetPlan, timeoutSec = 10): string {
  const lines: string[] = [
    "#!/bin/sh",
    "# goship preflight: can this place reach the Go module sources? (busybox: nslookup, nc, wget, awk, grep, timeout)",
    "# Exit 0 when the build could fetch its modules, 1 when not.",
    `T=${timeoutSec}`,
    "# -T only where this wget has it (some busybox builds lack it); timeout(1) bounds every request anyway.",
    'WT=; wget --help 2>&1 | grep -q -- "-T SEC" && WT="-T $T"',
    'TO=; command -v timeout >/dev/null 2>&1 && TO="timeout $T"',
    "probe() { # probe <url>: prints the HTTP status (000 when unreachable); dns and tcp first",
    '  url=$1; hostport=${url#*://}; hostport=${hostport%%/*}; host=${hostport%:*}; port=${hostport##*:}',
    '  [ "$port" = "$hostport" ] && { case $url in https:*) port=443;; *) port=80;; esac; }',
    '  if [ -z "$https_proxy$HTTPS_PROXY$http_proxy$HTTP_PROXY" ]; then',
    '    case $host in *[!0-9.]*) nslookup "$host" >/dev/null 2>&1 || { echo "  dns: $host does not resolve" >&2; echo 000; return; };; esac',
    '    if nc --help 2>&1 | grep -q -- "-z"; then nc -z -w "$T" "$host" "$port" >/dev/null 2>&1 || { echo "  tcp: cannot connect to $host:$port" >&2; echo 000; return; }; fi',
    "  fi",
    '  s=$($TO wget -S -q -O /dev/null $WT "$url" 2>&1 | awk \'$1 ~ /^HTTP\\// {s=$2} END{print s}\')',
    '  echo "${s:-000}"',
    "}",
    "served=",
  ];
  const byIndex = new Map(plan.targets.filter((t) => t.kind === "proxy").map((t) => [t.index, t]));
  lines.push("while :; do");
  plan.proxyList.forEach((e, i) => {
    if (e.url === "noproxy") return;
    if (e.url === "off") {
      lines.push(`  echo "GOPROXY entry ${i + 1}: off (downloads disabled)"; break`);
      return;
    }
    if (e.url === "direct") {
      lines.push(`  echo "GOPROXY entry ${i + 1}: direct (version control; not probed)"; served=direct; break`);
      return;
    }
    const t = byIndex.get(i);
    if (!t) return;
    lines.push(
      `  s=$(probe ${q(t.probeUrl)}); echo "GOPROXY entry ${i + 1}: ${t.url} -> $s"`,
      `  case $s in 200) served=${q(t.url)}; break;; 404|410) ;; *) ${e.fallback === "on-any-error" ? ":" : "break"};; esac`,
    );
  });
  lines.push("  break", "done");
  lines.push('fail=0', '[ -n "$served" ] && echo "modules would come from: $served" || { echo "no GOPROXY entry serves the build"; fail=1; }');
  const db = plan.sumdb;
  if (db) {
    const direct = [`s=$(probe ${q(db.direct.probeUrl)}); echo "checksum database ${db.direct.url} (directly) -> $s"`, '[ "$s" = 200 ] || fail=1'];
    if (db.explicitUrl) lines.push(...direct);
    else {
      lines.push("dbvia=; dberr=", "while :; do");
      plan.proxyList.forEach((e, i) => {
        if (e.url === "direct") return void lines.push("  dberr=; break");
        if (e.url === "off") return void lines.push("  break");
        const t = db.viaProxies.find((x) => x.index === i);
        if (!t) return;
        lines.push(
          `  s=$(probe ${q(t.probeUrl)}); echo "checksum database: ${t.probeUrl} -> $s"`,
          `  case $s in 200) dbvia=${q(t.proxy ?? "")}; break;; 404|410) ;; *) [ -n "$dberr" ] || dberr=${q(t.probeUrl)}; ${e.fallback === "on-any-error" ? ":" : "break"};; esac`,
        );
      });
      lines.push("  break", "done");
      lines.push(
        `if [ -n "$dbvia" ]; then echo "checksum database ${db.name}: via the module proxy $dbvia"`,
        `elif [ -n "$dberr" ]; then echo "checksum database ${db.name}: not reached, the go command stops at $dberr"; fail=1`,
        "else",
        ...direct.map((l) => `  ${l}`),
        "fi",
      );
    }
  }
  lines.push('exit $fail', "");
  return lines.join("\n");
}

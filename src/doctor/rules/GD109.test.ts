import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD109", {
  catches: ["verifying github.com/gorilla/mux@v1.8.1: checksum mismatch", "SECURITY ERROR"],
  passes: ["checksums verified", "go: verifying module: ok"],
  fix: [/Keep checksum verification on/, /go mod download -json/],
});

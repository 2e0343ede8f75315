import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD104", {
  catches: ['go: example.com/m@v1.0.0: Get "https://p.corp.example/example.com/m/@v/v1.0.0.mod": tls: failed to verify certificate: x509: certificate signed by unknown authority',
    "fatal: unable to access 'https://git.corp.example/x.git/': SSL certificate problem: self-signed certificate in certificate chain"],
  passes: ["go: downloading crypto/x509 docs", "tls.Config handled"],
  fix: [/update-ca-certificates/, /do not turn verification off/],
});

import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD103", {
  catches: ['go: github.com/google/uuid@v1.6.0: Get "http://127.0.0.1:9/github.com/google/uuid/@v/v1.6.0.mod": dial tcp 127.0.0.1:9: connect: connection refused',
    'go: github.com/google/uuid@v1.6.0: Get "http://127.0.0.1:35299/github.com/google/uuid/@v/v1.6.0.mod": EOF',
    'go: example.com/m@v1.0.0: read tcp 172.17.0.2:40312->10.0.0.9:443: read: connection reset by peer'],
  passes: ["the server returned EOF in a unit test", "postgres: connection refused is retried"],
  cause: [/127\.0\.0\.1:9|refused/],
});

import { ruleCases } from "../../../test/doctor/rule-cases.js";

ruleCases("GD114", {
  catches: ["./main.go:9:45: undefined: undefinedName", "internal/api/handler.go:120:3: cannot use x (variable of type int) as string value in argument to f"],
  passes: ["main.go:12 +0x1d", "    main_test.go:42: got 1 want 2", "go: downloading example.com/m v1.0.0"],
  cause: [/main\.go:9:45/],
});

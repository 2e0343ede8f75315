// Command cgo calls C directly (no third-party C library), so it must be
// built with CGO_ENABLED=1 and a C compiler, and it links against glibc:
// it needs a runtime image that has the dynamic loader and libc
// (debian-slim or distroless/base), not distroless/static or scratch.
package main

/*
#include <stdio.h>
#include <unistd.h>

static int add(int a, int b) { return a + b; }

static void hello(void) {
	printf("hello from C, pid %ld\n", (long)getpid());
	fflush(stdout);
}
*/
import "C"

import "fmt"

func main() {
	C.hello()
	fmt.Printf("2 + 3 = %d (computed in C)\n", int(C.add(2, 3)))
}

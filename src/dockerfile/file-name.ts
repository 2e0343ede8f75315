/**
 * Which file names are Dockerfiles: `Dockerfile`, `Containerfile`,
 * `*.Dockerfile`, `*.dockerfile`, `Dockerfile.*`, `Containerfile.*`, but not
 * the `<Dockerfile>.dockerignore` files that sit beside them.
 */
export function isDockerfileName(name: string): boolean {
  if (name.endsWith(".dockerignore")) return false;
  return (
    name === "Dockerfile" ||
    name === "Containerfile" ||
    name.endsWith(".Dockerfile") ||
    name.endsWith(".dockerfile") ||
    name.startsWith("Dockerfile.") ||
    name.startsWith("Containerfile.")
  );
}

/**
 * `goship preflight --k8s-init-container`: a Kubernetes initContainers
 * entry that runs the --emit-sh script in a busybox image, with the module
 * environment it checked, so a pod that builds Go code (a CI runner, a
 * build job) fails early and says why. YAML written by hand (block scalar
 * for the script), since it is one fixed shape.
 */
export interface K8sInitOptions {
  readonly image: string;
  readonly script: string;
  readonly env: Readonly<Record<string, string>>;
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}

export function k8sInitContainer(o: K8sInitOptions): string {
  const out = ["initContainers:", "  - name: goship-preflight", `    image: ${yamlString(o.image)}`, '    command: ["/bin/sh", "-c"]', "    args:", "      - |"];
  for (const l of o.script.replace(/\n$/, "").split("\n")) out.push(l === "" ? "" : `        ${l}`);
  const env = Object.entries(o.env).filter(([, v]) => v !== "");
  if (env.length > 0) {
    out.push("    env:");
    for (const [k, v] of env) out.push(`      - name: ${k}`, `        value: ${yamlString(v)}`);
  }
  return out.join("\n") + "\n";
}

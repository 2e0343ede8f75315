/**
 * renderEcrLifecycle: an Amazon ECR lifecycle policy (the JSON document
 * `aws ecr put-lifecycle-policy --lifecycle-policy-text` takes): untagged
 * images expire after 14 days, and only the newest 20 images tagged dev-*
 * are kept. JSON has no comments, so the policy carries no goship header;
 * its rule descriptions name goship instead, and `--check` compares it
 * byte for byte. Pure. Leaves out release-tag retention (keep them all).
 */
export interface EcrLifecycleOptions {
  readonly untaggedDays?: number;
  readonly devKeep?: number;
  readonly devPrefix?: string;
}

export function renderEcrLifecycle(version: string, o: EcrLifecycleOptions = {}): string {
  const days = o.untaggedDays ?? 14;
  const keep = o.devKeep ?? 20;
  const prefix = o.devPrefix ?? "dev-";
  const policy = {
    rules: [
      {
        rulePriority: 1,
        description: `goship ${version}: expire untagged images ${days} days after push`,
        selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: days },
        action: { type: "expire" },
      },
      {
        rulePriority: 2,
        description: `goship ${version}: keep the newest ${keep} ${prefix}* images`,
        selection: { tagStatus: "tagged", tagPrefixList: [prefix], countType: "imageCountMoreThan", countNumber: keep },
        action: { type: "expire" },
      },
    ],
  };
  return JSON.stringify(policy, null, 2) + "\n";
}

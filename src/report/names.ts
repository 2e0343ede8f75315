/** The report format names, apart from their modules so the CLI can list them without loading them. */
export const FORMAT_NAMES = ["text", "json", "sarif", "github", "checkstyle"] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

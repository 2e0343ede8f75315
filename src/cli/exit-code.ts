/**
 * Exit codes, the same for every command (shared/README.md):
 * 0 ran and found nothing at or above the failure threshold;
 * 1 findings at or above it, `--check` drift, or a wrapped build that failed;
 * 2 usage or input error (bad flag, unreadable file, bad syntax, bad config).
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

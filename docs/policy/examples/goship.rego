# An example OPA/conftest policy over the JSON of `goship audit --json`
# (documented in docs/output/audit-json.md). Run it with:
#
#   goship audit --json > audit.json
#   conftest test --policy docs/policy/examples audit.json
#
# conftest reads rules named deny/warn in package main. Adjust the limits
# to your own service; every field used here is part of the versioned
# report contract (report version 1).
package main

import rego.v1

# Largest image allowed (compressed layers plus config), in bytes.
max_image_bytes := 50000000

# Lowest overall audit score that passes without a warning.
min_score := 80

# Refuse reports of another contract version rather than misread them.
deny contains msg if {
	input.version != 1
	msg := sprintf("goship audit report version %v is not 1: review this policy", [input.version])
}

# The image is too large (only when the audit had --image).
deny contains msg if {
	input.image.size > max_image_bytes
	# format_int: large JSON numbers arrive as floats, which %d does not print.
	msg := sprintf("image %s is %s bytes, over the limit of %s", [input.image.ref, format_int(input.image.size, 10), format_int(max_image_bytes, 10)])
}

# Any image-security lint error (GS4xx) in any Dockerfile.
deny contains msg if {
	some area in input.areas
	some f in area.findings
	startswith(f.ruleId, "GS4")
	f.severity == "error"
	msg := sprintf("%s at %s:%d: %s", [f.ruleId, f.file, f.line, f.message])
}

# A secret anywhere goship looked (context files, Dockerfiles, the image).
deny contains msg if {
	some area in input.areas
	some f in area.findings
	startswith(f.ruleId, "secrets/")
	msg := sprintf("secret in %s:%d (%s)", [f.file, f.line, f.ruleId])
}

# goship's own policy gates (.goship.yaml policy:) count too.
deny contains msg if {
	some g in input.gates
	not g.passed
	msg := sprintf("goship gate %s failed: %s", [g.gate, g.message])
}

warn contains msg if {
	input.score < min_score
	msg := sprintf("audit score %d is under %d", [input.score, min_score])
}

# An area that could not run hides problems: say so.
warn contains msg if {
	some area in input.areas
	area.status == "failed"
	msg := sprintf("audit area %s could not run: %s", [area.area, area.note])
}

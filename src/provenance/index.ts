/** Provenance: in-toto Statement v1 with a SLSA Provenance v1 predicate (pure). */
export { makeProvenance, encodeStatement, parseStatement, StatementError, IN_TOTO_STATEMENT_V1, SLSA_PROVENANCE_V1, IN_TOTO_JSON_MEDIA_TYPE, GOSHIP_BUILD_TYPE, GOSHIP_BUILDER_ID, type Statement, type SlsaProvenanceV1, type Subject, type ResourceDescriptor, type ProvenanceInput } from "./statement.js";

/** OCI referrers: artifacts with a subject, pushed and listed by the referrers API or the tag schema. */
export { makeArtifact, referrerDescriptor, fallbackTag, addToReferrersIndex, filterReferrers, EMPTY_CONFIG, EMPTY_CONFIG_BYTES, type Artifact, type ArtifactBlob, type ArtifactInput } from "./artifact.js";
export { listReferrers, pushReferrer, pushReferrers, putArtifactBlobs, hasReferrersApi, fetchArtifactBlob, type ReferrersMode, type PushReferrerResult } from "./client.js";

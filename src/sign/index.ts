/** cosign-compatible signing (classic `.sig` tag scheme) with local ECDSA P-256 keys. */
export { makePayload, parsePayload, signPayload, verifyPayload, signatureTag, makeSignatureImage, PayloadError, SIMPLE_SIGNING_MEDIA_TYPE, SIGNATURE_ANNOTATION, COSIGN_SIGNATURE_TYPE, type SimpleSigningPayload, type SignatureImage, type SignatureLayer } from "./signature.js";
export { readPrivateKey, readPublicKey, parsePrivateKey, parsePublicKey, decryptCosignKey, KeyError } from "./keys.js";
export { secretboxSeal, secretboxOpen, poly1305 } from "./secretbox.js";
export { signImage, verifyImage, resolveDigest, type SignResult, type VerifyResult } from "./sign-image.js";

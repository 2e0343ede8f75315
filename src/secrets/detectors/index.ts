/** Every detector of src/secrets, most specific first (the scanner keeps the first of overlapping hits). */
import type { Detector } from "../detector.js";
import { awsAccessKeyId } from "./aws-access-key-id.js";
import { awsSecretKey } from "./aws-secret-key.js";
import { azureConnectionString } from "./azure-connection-string.js";
import { gcpServiceAccount } from "./gcp-service-account.js";
import { genericAssignment } from "./generic-assignment.js";
import { githubToken } from "./github-token.js";
import { gitlabToken } from "./gitlab-token.js";
import { googleApiKey } from "./google-api-key.js";
import { jwt } from "./jwt.js";
import { netrcPassword } from "./netrc-password.js";
import { npmToken } from "./npm-token.js";
import { privateKey } from "./private-key.js";
import { slackToken } from "./slack-token.js";
import { stripeKey } from "./stripe-key.js";
import { urlCredentials } from "./url-credentials.js";

export const DETECTORS: readonly Detector[] = [
  gcpServiceAccount,
  privateKey,
  awsAccessKeyId,
  awsSecretKey,
  azureConnectionString,
  githubToken,
  gitlabToken,
  slackToken,
  npmToken,
  stripeKey,
  googleApiKey,
  jwt,
  urlCredentials,
  netrcPassword,
  genericAssignment,
];

export { awsAccessKeyId, awsSecretKey, azureConnectionString, gcpServiceAccount, genericAssignment, githubToken, gitlabToken, googleApiKey, jwt, netrcPassword, npmToken, privateKey, slackToken, stripeKey, urlCredentials };

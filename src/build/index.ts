/** goship build: daemonless images of Go services (Builder + Publisher, ko style). */
export { runBuild, type BuildRun, type RunBuildPorts } from "./run-build.js";
export { goBuilder, targetPlatforms, type Builder, type BuildResult, type BuilderPorts } from "./builder.js";
export { registryPublisher, layoutPublisher, tarballPublisher, multiPublisher, type Publisher, type Published } from "./publisher.js";
export { validateBuildOptions, DEFAULT_BASE, BINARY_DIR, DATA_DIR, DATA_ENV, type GoshipBuildOptions, type RawBuildOptions } from "./options.js";
export { hostGoCompile, goBuildArgs, CompileError, type Compile, type CompileRequest } from "./go-compile.js";
export { resolvePackages, CgoRequiredError } from "./resolve-packages.js";
export { makeImageConfig, Label } from "./image-config.js";
export { optionsFor, targetMatches, type RawTargetOptions, type TargetOptions } from "./options.js";
export { mergeBuildSettings, parseEnvFlags, EnvFlagError, type BuildFlagValues } from "./config-options.js";
export { progressWriter, reduceProgress, renderTty, plainLine, EMPTY_PROGRESS, type ProgressEvent, type ProgressSink, type ProgressState, type ProgressWriter } from "./progress.js";
export { gzipLayer, LAYER_GZIP_LEVEL } from "./fast-layer.js";

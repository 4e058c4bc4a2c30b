#!/usr/bin/env bash
# Builds the container image of each Pinxit service from its packaged Quarkus app (./mvnw package first), with podman
# or buildah and a Java runtime (to unpack libtorch); no Docker daemon, and nothing pulled when BASE_IMAGE is local.
#
#   deploy/images/build.sh [SERVICE ...]           # default: the four services
#
# Environment: BASE_IMAGE (a Java 17 runtime image; default the Containerfile's), TAG (default the project version;
# the GPU variant is tagged VERSION-gpu), REGISTRY (prefix of the image names; default none: pinxit/SERVICE),
# SOURCE (the repository's URL, for the image's labels).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/deploy/images"
SERVICES=("$@")
[[ ${#SERVICES[@]} -gt 0 ]] || SERVICES=(gateway-service generation-service style-service gallery-service)
VERSION="$(awk '/<artifactId>pinxit-parent<\/artifactId>/ { found = 1 }
  found && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' "$ROOT/pom.xml")"
TAG="${TAG:-$VERSION}"
REVISION="$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)"

if command -v podman >/dev/null 2>&1; then
  build=(podman build)
elif command -v buildah >/dev/null 2>&1; then
  build=(buildah bud)
else
  echo "build.sh: needs podman or buildah" >&2
  exit 1
fi

for service in "${SERVICES[@]}"; do
  app="$ROOT/$service/target/quarkus-app"
  [[ -f "$app/quarkus-run.jar" ]] || { echo "build.sh: $app is missing: ./mvnw package -pl $service -am first" >&2; exit 1; }

  # Three layers' worth of files, each a tree under /deployments (Containerfile).
  context="$ROOT/target/images/$service"
  rm -rf "$context"
  mkdir -p "$context/third-party/lib/main" "$context/models/lib/main" "$context/pinxit/lib/main"
  cp -r "$app/lib/boot" "$context/third-party/lib/"
  find "$app/lib/main" -maxdepth 1 -type f ! -name 'io.pinxit.*' -exec cp {} "$context/third-party/lib/main/" \;
  find "$app/lib/main" -maxdepth 1 -type f -name 'io.pinxit.pinxit-models-*' -exec cp {} "$context/models/lib/main/" \;
  find "$app/lib/main" -maxdepth 1 -type f -name 'io.pinxit.*' ! -name 'io.pinxit.pinxit-models-*' \
    -exec cp {} "$context/pinxit/lib/main/" \;
  cp -r "$app/app" "$app/quarkus" "$app/quarkus-run.jar" "$context/pinxit/"
  # libtorch unpacked once here rather than by every new pod (docs/benchmarks.md, "Cold starts").
  mkdir -p "$context/native/djl"
  if compgen -G "$app/lib/main/ai.djl.pytorch.pytorch-native-cpu-*.jar" >/dev/null; then
    DJL_OFFLINE=true OPT_OUT_TRACKING=true DJL_CACHE_DIR="$context/native/djl" ENGINE_CACHE_DIR="$context/native/djl" \
      "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$app/lib/main/*" io.pinxit.inference.DjlRuntime
    chmod -R a+rX "$context/native"  # DJL makes its folders for its own user only; the image runs as UID 185.
  fi

  image="${REGISTRY:+$REGISTRY/}pinxit/$service:$TAG"
  args=(--build-arg "SERVICE=$service" --build-arg "VERSION=$VERSION" --build-arg "REVISION=$REVISION"
        --build-arg "SOURCE=${SOURCE:-}")
  [[ -z "${BASE_IMAGE:-}" ]] || args+=(--build-arg "BASE_IMAGE=$BASE_IMAGE")
  "${build[@]}" "${args[@]}" -f "$HERE/Containerfile" -t "$image" "$context"
  echo "build.sh: built $image"
done

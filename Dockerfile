# syntax=docker/dockerfile:1
#
# The checkout-preflight action image: a static Go binary on distroless.
# Base images are pinned by digest, which must be the multi-arch index
# digest (release.yml builds amd64 and arm64); Dependabot
# (.github/dependabot.yml) proposes updates, and ci.yml builds the image.
# The build line below is the one TestDockerfileRecipe runs, since no
# Docker engine runs where the tests do.

# Build stage: cross-compiles for the target platform on the build platform.
FROM --platform=$BUILDPLATFORM golang:1.26@sha256:2dbae744204892730b7032501f5973360ce57cfe118a194b338a97b5aa2d40cc AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY cmd ./cmd
COPY preflight ./preflight
ARG TARGETOS=linux
ARG TARGETARCH=amd64
ARG VERSION=dev
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -trimpath -ldflags "-s -w -X main.version=$VERSION" -o /out/checkout-preflight ./cmd/checkout-preflight

# Final stage: no shell, CA certificates included (the binary also embeds
# x509roots/fallback). No USER line: Docker actions must run as root to
# write the runner's GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
FROM gcr.io/distroless/static-debian12@sha256:d75cdd72874d4790092fcb1b058493ecf6bb5bf2b2b897045b00ff01d91843f2
COPY --from=build /out/checkout-preflight /checkout-preflight
ENTRYPOINT ["/checkout-preflight"]

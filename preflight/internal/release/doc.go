// Package release has no code: its tests check what makes a release, so
// that a change which would break the next one fails CI instead.
//
//   - .goreleaser.yaml builds the CLI as the Dockerfile builds the image's
//     binary (static, -trimpath, the same ldflags with the version stamped)
//     for linux, darwin and windows on amd64 and arm64, archived with
//     README.md and LICENSE.
//   - TestReleaseArtifacts checks what a GoReleaser run produced in the
//     directory named by $RELEASE_DIST (.ci/release-check sets it after a
//     snapshot build, and the release workflow after the real one): six
//     binaries for the right platforms that report their version, six
//     archives and a checksums file that matches them. Without
//     $RELEASE_DIST it skips.
//   - Every action a workflow uses is pinned by commit SHA with a
//     "# vX.Y.Z" comment; .github/workflows/release.yml runs only when
//     dispatched, with minimal permissions per job, and README "Releasing"
//     follows its jobs and steps in order.
//   - The scripts the release workflow runs (.github/scripts) plan the
//     version, extract its release notes and pin action.yml to the image.
//
// Nothing imports this package, and it must stay free of code that the
// program could use.
package release

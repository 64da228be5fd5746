// Package plan turns a resolved run specification (spec.Run) into an
// immutable Plan: for every credential, what it is (package credential),
// which targets to probe — each declared endpoint matched in the catalog,
// with the side-effect-free probe package probe builds for it, and one
// endpoint for each scope declared for a secret key —, the scopes an OAuth
// access key must ask for, and the base URLs of every environment it may
// belong to.
//
// Planning sends nothing and reads nothing: it is a pure function of the
// Run and the catalog. What it finds wrong (an unknown endpoint, an unusable
// key, an unknown scope) comes back as report checks, configuration errors
// first. A Plan is never modified after New returns; the verifier reads it
// and the judge turns it and the answers into the report.
package plan

// Package verify carries out a plan: it sends every probe and token
// request the plan calls for, concurrently and within one bound on
// requests in flight, and returns what came back as Results — answers,
// tokens' scopes, errors — without judging them.
//
// For a secret key it probes every target at once. For an OAuth access key
// it asks for a token carrying exactly the required scopes (in both
// environments at once when the environment is "auto"), resolves an
// invalid_scope answer one scope per request, and probes each target with
// a token whose scopes grant it. Every token is passed to Options.Mask the
// moment it exists, before anything else sees it.
//
// The package never builds report text and never decides a verdict: that
// is package judge's, from the plan and these Results.
package verify

package probe

import "testing"

// TestProbesAgainstOpenAPI checks the probe of every catalog operation that
// Checkout.com's OpenAPI document holds against that document, with
// kin-openapi's request validator:
//
//   - bodies: a POST, PUT or PATCH without a path id sends a body its
//     documented request schema refuses (bodyExceptions lists the others);
//   - ids: every id in a probe's path satisfies the documented schema of
//     its path parameter (idExceptions lists the others);
//   - queries: every query parameter a probe sends is documented and valid,
//     and the required ones it leaves out are those queryExceptions lists;
//   - can fail: each check catches a probe that breaks its rule.
//
// The document is loaded once and shared, read-only, by the subtests. The
// test skips when the document is absent (see specDir).
func TestProbesAgainstOpenAPI(t *testing.T) {
	t.Parallel()
	probes := matchProbes(t, loadSpec(t))
	for _, tt := range []struct {
		name  string
		check func(*testing.T, []checkedProbe)
	}{
		{"bodies", checkCollectionWriteBodies},
		{"ids", checkPathIDs},
		{"queries", checkQueries},
		{"can fail", checkChecksCanFail},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.check(t, probes)
		})
	}
}

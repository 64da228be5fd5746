package netbench

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkFloor measures what the emulated network itself costs: one cold
// GET to the API host by name (TCP, TLS, one exchange: a limit of 3 round
// trips) with a new client of the program's each time, and nothing else.
// What it reports above 3 is the emulator's and the machine's (timers,
// scheduling, the handshakes' CPU), the floor under every run of
// BenchmarkNetwork:
//
//	go test -run '^$' -bench Floor -benchtime 20x ./preflight/internal/netbench/
func BenchmarkFloor(b *testing.B) {
	for _, rtt := range rtts() {
		b.Run(fmt.Sprintf("rtt=%s", rtt), func(b *testing.B) {
			w := newWorld(b, cases()[0], rtt, layout{byName: true})
			var wall time.Duration
			for b.Loop() {
				wall += coldGet(b, w)
			}
			b.ReportMetric(float64(wall)/float64(b.N)/float64(rtt), "rtt/op")
		})
	}
}

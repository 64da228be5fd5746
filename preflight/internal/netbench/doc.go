// Package netbench holds the headline performance benchmarks: the whole
// program (command.Command.Main in-process, and the built binary started
// as a process) against the simulator served over TLS 1.3 on an emulated
// network (preflight/internal/netem), where every new connection pays its
// TCP and TLS handshakes and every exchange a round trip, as on a GitHub
// runner 50 or 100 ms away from Checkout.com.
//
// BenchmarkNetwork measures the program's runs, BenchmarkFloor a lone
// cold GET (the emulator's and the machine's own cost), and BenchmarkIdeal
// the program against a replay of its own requests by a client with
// nothing to decide, interleaved so that the machine's noise falls on both
// alike. The package has no code outside its tests. Run the full set with
//
//	go test -run '^$' -bench . -benchtime 5x ./preflight/internal/netbench/
//
// and the CI variant (5 ms round trips, in-process only, one iteration)
// with -short -benchtime 1x. See bench_test.go for the metrics reported.
package netbench

package discover

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// benchTree writes a synthetic repository of n files and about
// n × 10 KB to dir: mostly code that has nothing to do with Checkout.com
// (in eight languages, some with words such as "backoff" that pass the
// byte test), 3% of files calling the SDKs or the API directly, 1% large
// files (about 250 KB) and a few over the size limit.
func benchTree(tb testing.TB, dir string, n int) (bytes int64) {
	tb.Helper()
	r := rand.New(rand.NewSource(42))
	exts := []string{".js", ".ts", ".py", ".go", ".java", ".cs", ".php", ".rb", ".kt"}
	sdkSnippets := []string{
		"const { Checkout } = require('checkout-sdk-node');\nconst cko = new Checkout(process.env.CKO_SECRET_KEY);\nasync function refund(id) { return cko.payments.refund(id); }\n",
		"from checkout_sdk import CheckoutSdk\napi = CheckoutSdk.builder().secret_key('sk').build()\ndef capture(pid):\n    return api.payments.capture_payment(pid)\n",
		"package pay\n\nimport checkout \"github.com/checkout/checkout-sdk-go/v2\"\n\nfunc f() { api, _ := checkout.Builder().StaticKeys().Build(); api.Payments.GetPaymentDetails(\"x\") }\n",
		"import com.checkout.payments.PaymentsClient;\nclass R { PaymentsClient c; void f() { c.refundPayment(\"x\"); } }\n",
		"fetch(`https://api.checkout.com/payments/${id}/refunds`, { method: 'POST' });\n",
	}
	for i := range n {
		ext := exts[r.Intn(len(exts))]
		var body strings.Builder
		size := 3000 + r.Intn(9000)
		switch {
		case i%100 == 7:
			size = 200_000 + r.Intn(100_000)
		case i%2000 == 11:
			size = 1_200_000 + r.Intn(400_000)
		}
		if i%33 == 5 {
			body.WriteString(sdkSnippets[r.Intn(len(sdkSnippets))])
		}
		for body.Len() < size {
			k := r.Intn(1000)
			switch r.Intn(6) {
			case 0:
				fmt.Fprintf(&body, "// compute the %d-th value of the series, with retries\n", k)
			case 1:
				fmt.Fprintf(&body, "function handler%d(req, res) { const v = req.body.items[%d]; return res.json({ ok: true, v }); }\n", k, k%7)
			case 2:
				fmt.Fprintf(&body, "    value_%d = compute(items, %d) + \"label %d\" # inline note\n", k, k, k)
			case 3:
				fmt.Fprintf(&body, "if (count > %d) { log.info(\"retrying with backoff %%d\", count); }\n", k)
			case 4:
				fmt.Fprintf(&body, "public String method%d(String a, int b) { return a + String.valueOf(b * %d); }\n", k, k)
			default:
				fmt.Fprintf(&body, "    items.append({'id': %d, 'name': 'item-%d', 'tags': ['a', 'b']})\n", k, k)
			}
		}
		p := filepath.Join(dir, fmt.Sprintf("svc%02d", i%40), fmt.Sprintf("pkg%03d", i%400), fmt.Sprintf("file%05d%s", i, ext))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
		bytes += int64(body.Len())
	}
	return bytes
}

// BenchmarkScan scans a generated 10,000-file, ~100 MB tree and reports
// files/s, MB/s and the peak heap in use during the scan.
func BenchmarkScan(b *testing.B) {
	dir := b.TempDir()
	files := benchFiles()
	size := benchTree(b, dir, files)
	fsys := os.DirFS(dir)
	b.SetBytes(size)
	b.ResetTimer()
	var peak atomic.Uint64
	for range b.N {
		runtime.GC()
		done := make(chan struct{})
		go func() {
			var ms runtime.MemStats
			t := time.NewTicker(2 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-done:
					return
				case <-t.C:
					runtime.ReadMemStats(&ms)
					if ms.HeapInuse > peak.Load() {
						peak.Store(ms.HeapInuse)
					}
				}
			}
		}()
		r, err := Scan(context.Background(), Options{FS: fsys})
		close(done)
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Calls) == 0 {
			b.Fatal("the generated tree's calls were not found")
		}
	}
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(files)/sec, "files/s")
	b.ReportMetric(float64(size)/1e6/sec, "MB/s")
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MiB")
}

// benchFiles is the size of the generated tree: 10,000 files, or
// $DISCOVER_BENCH_FILES for quick profiling.
func benchFiles() int {
	var n int
	if _, err := fmt.Sscan(os.Getenv("DISCOVER_BENCH_FILES"), &n); err == nil && n > 0 {
		return n
	}
	return 10_000
}

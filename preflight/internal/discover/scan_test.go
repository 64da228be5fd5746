package discover

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestScanSkipsAndCounts(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"big.js":              {Data: []byte("fetch('https://api.checkout.com/disputes');" + strings.Repeat(" ", 2000))},
		"bin.js":              {Data: []byte("fetch('https://api.checkout.com/disputes');\x00")},
		"ok.js":               {Data: []byte("fetch('https://api.checkout.com/disputes');")},
		"notes.txt":           {Data: []byte("https://api.checkout.com/payments")},
		"a_test.go":           {Data: []byte("package a")},
		"node_modules/x/y.js": {Data: []byte("fetch('https://api.checkout.com/disputes');")},
	}
	r, err := Scan(context.Background(), Options{FS: fsys, MaxFileSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Calls) != 1 || r.Calls[0].File != "ok.js" {
		t.Errorf("calls = %+v, want the one in ok.js", r.Calls)
	}
	wantSkipped := []Skipped{{"big.js", SkipTooLarge}, {"bin.js", SkipBinary}}
	if diff := cmp.Diff(wantSkipped, r.Skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
	wantCounts := map[string]int{SkipTooLarge: 1, SkipBinary: 1, SkipTest: 1, SkipVendored: 1}
	if diff := cmp.Diff(wantCounts, r.SkippedCounts); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
	if r.FilesScanned != 1 {
		t.Errorf("FilesScanned = %d, want 1", r.FilesScanned)
	}
}

func TestScanPathsAndErrors(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"svc/a/pay.js": {Data: []byte("fetch('https://api.checkout.com/disputes');")},
		"svc/b/pay.js": {Data: []byte("fetch('https://api.checkout.com/disputes');")},
		"web/pay.js":   {Data: []byte("fetch('https://api.checkout.com/disputes');")},
	}
	r, err := Scan(context.Background(), Options{FS: fsys, Paths: []string{"svc/*", "./web/pay.js"}, Exclude: []string{"svc/b/"}})
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, c := range r.Calls {
		files = append(files, c.File)
	}
	if diff := cmp.Diff([]string{"svc/a/pay.js", "web/pay.js"}, files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if _, err := Scan(context.Background(), Options{FS: fsys, Paths: []string{"nope"}}); err == nil {
		t.Error("a missing path was not an error")
	}
	if _, err := Scan(context.Background(), Options{FS: fsys, Paths: []string{"../x"}}); err == nil {
		t.Error("a path outside the root was not an error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Scan(ctx, Options{FS: fsys}); !errors.Is(err, context.Canceled) {
		t.Errorf("Scan with a cancelled context = %v, want context.Canceled", err)
	}
	if r, err := Scan(context.Background(), Options{}); err != nil || len(r.Calls) != 0 {
		t.Errorf("Scan without a file system = %+v, %v; want nothing", r, err)
	}
}

func TestContainsCko(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"const cko = x": true, "$cko->x": true, "CKO_API": true, "getCkoClient()": true, "import checkout": true,
		"ICheckoutApi": true, "api.sandbox.checkout.com": true, "retry with backoff": false, "lockout": false,
		"stackoverflow": false, "": false, "ck": false,
	} {
		if got := containsCko([]byte(text)); got != want {
			t.Errorf("containsCko(%q) = %v, want %v", text, got, want)
		}
	}
}

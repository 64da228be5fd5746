package discover

import (
	"bytes"
	"context"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

// scan is one run of Scan.
type scan struct {
	o    Options
	ix   *sdkIndex
	tree tree
	w    *world

	mu      sync.Mutex
	loaded  []*srcFile // per candidate; nil when not analysed
	read    []bool     // per candidate: read at least once
	skipped []Skipped
	counts  map[string]int
	calls   []Call
}

// run reads the candidates, analyses those that may call Checkout.com,
// and records the calls.
//
// Files are read concurrently. A cheap byte test decides which files are
// tokenized: "cko" in any case, which "checkout", "Checkout", "CKO",
// checkout-sdk-*, com.checkout, Checkout\… and checkout.com URLs all
// contain. Files that import a module which another file showed to export
// a client (a name that need not contain "cko") are found by a second
// test for those modules' names.
func (s *scan) run(ctx context.Context) error {
	n := len(s.tree.files)
	s.loaded = make([]*srcFile, n)
	s.read = make([]bool, n)
	s.counts = map[string]int{}
	for k, v := range s.tree.skipped {
		s.counts[k] += v
	}
	all := make(map[string]bool, n)
	for _, c := range s.tree.files {
		all[c.path] = true
	}
	s.w = newWorld(all)
	if err := s.parallel(ctx, n, func(i int) { s.load(i, nil) }); err != nil {
		return err
	}
	s.collectUsings()
	if err := s.analyzeAll(ctx, false); err != nil {
		return err
	}
	if needles := s.secondaryNeedles(); len(needles) > 0 {
		if err := s.parallel(ctx, n, func(i int) {
			if s.loaded[i] == nil {
				s.load(i, needles)
			}
		}); err != nil {
			return err
		}
		s.collectUsings()
	}
	if err := s.analyzeAll(ctx, false); err != nil {
		return err
	}
	return s.analyzeAll(ctx, true)
}

// parallel calls fn(i) for i in [0, n) on o.Concurrency goroutines and
// returns ctx's error if it is done before all are called.
func (s *scan) parallel(ctx context.Context, n int, fn func(int)) error {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(s.o.Concurrency, max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	var err error
	for i := range n {
		if err = ctx.Err(); err != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return err
}

// load reads candidate i and tokenizes it when it passes the byte test:
// "cko" (any case) when needles is nil, else any of needles.
func (s *scan) load(i int, needles [][]byte) {
	c := s.tree.files[i]
	first := !s.read[i]
	skip := func(reason string) {
		if first {
			s.mu.Lock()
			s.skipped = append(s.skipped, Skipped{File: c.path, Reason: reason})
			s.counts[reason]++
			s.mu.Unlock()
		}
	}
	info, err := fs.Stat(s.o.FS, c.path)
	if err != nil {
		skip(SkipUnreadable)
		return
	}
	if info.Size() > s.o.MaxFileSize {
		skip(SkipTooLarge)
		return
	}
	src, err := fs.ReadFile(s.o.FS, c.path)
	if err != nil {
		skip(SkipUnreadable)
		return
	}
	if int64(len(src)) > s.o.MaxFileSize {
		skip(SkipTooLarge)
		return
	}
	if bytes.IndexByte(src[:min(len(src), 8000)], 0) >= 0 {
		skip(SkipBinary)
		return
	}
	if first {
		s.read[i] = true
		s.mu.Lock()
		s.counts["scanned"]++
		s.mu.Unlock()
	}
	if needles == nil && !containsCko(src) || needles != nil && !containsAny(src, needles) {
		return
	}
	if isSDKSource(c.path, c.lang, src) {
		skip(SkipSDKSource)
		return
	}
	s.loaded[i] = &srcFile{path: c.path, lang: c.lang, src: src, toks: codeTokens(c.lang.lex, src)}
}

// collectUsings records the C# global usings of the loaded files.
func (s *scan) collectUsings() {
	seen := map[string]bool{}
	s.w.usings = nil
	for _, f := range s.loaded {
		if f == nil || f.lang.sdk != "dotnet" {
			continue
		}
		a := &analyzer{f: f}
		for _, u := range a.csharpGlobalUsings() {
			if !seen[u] {
				seen[u] = true
				s.w.usings = append(s.w.usings, u)
			}
		}
	}
	slices.Sort(s.w.usings)
}

// analyzeAll analyses every loaded file; without emit it refreshes the
// world's exports, with emit it records the calls.
func (s *scan) analyzeAll(ctx context.Context, emit bool) error {
	results := make([]*analyzer, len(s.loaded))
	err := s.parallel(ctx, len(s.loaded), func(i int) {
		if f := s.loaded[i]; f != nil {
			results[i] = analyze(s.ix, s.w, f, emit)
		}
	})
	if err != nil {
		return err
	}
	if emit {
		for i, a := range results {
			if a != nil {
				s.calls = append(s.calls, toCalls(s.o.Catalog, s.ix, a.f, s.tree.files[i].test, a.found)...)
			}
		}
		return nil
	}
	s.w.exports = map[string]map[string]value{}
	s.w.globals = map[string]value{}
	s.w.params = map[string]value{}
	for _, a := range results {
		if a == nil {
			continue
		}
		s.w.addExports(a.f, a.exports)
		for k, v := range a.hints {
			s.w.params[a.f.lang.sdk+":"+k] = v
		}
	}
	return nil
}

// secondaryNeedles returns the names by which a file may import a module
// that exports an SDK value without saying "cko": module file names (Node,
// Python), Go package directories, Ruby constants.
func (s *scan) secondaryNeedles() [][]byte {
	set := map[string]bool{}
	add := func(n string) {
		if len(n) >= 3 && !containsCko([]byte(n)) {
			set[n] = true
		}
	}
	for key, ex := range s.w.exports {
		if len(ex) == 0 {
			continue
		}
		if dir, ok := cutGo(key); ok {
			add(path.Base(dir))
			continue
		}
		stem := path.Base(key)
		stem = stem[:len(stem)-len(path.Ext(stem))]
		if stem == "index" || stem == "__init__" {
			stem = path.Base(path.Dir(key))
		}
		add(stem)
	}
	for name := range s.w.globals {
		if _, n, ok := cutColon(name); ok {
			first, _, _ := cutDot(n)
			add(first)
		}
	}
	for key := range s.w.params {
		if _, k, ok := cutColon(key); ok {
			callee, _, _ := strings.Cut(k, "#")
			add(callee)
		}
	}
	// C# files that rely on global usings name SDK clients without
	// saying "cko" (IPaymentsClient).
	for _, u := range s.w.usings {
		if strings.HasPrefix(u, "Checkout") {
			set["Client"] = true
		}
	}
	var out [][]byte
	for n := range set {
		out = append(out, []byte(n))
	}
	slices.SortFunc(out, bytes.Compare)
	return out
}

// result assembles the Result.
func (s *scan) result() Result {
	r := Result{FilesScanned: s.counts["scanned"], Calls: dedupeCalls(s.calls), Skipped: s.skipped}
	delete(s.counts, "scanned")
	if len(s.counts) > 0 {
		r.SkippedCounts = s.counts
	}
	slices.SortFunc(r.Skipped, func(a, b Skipped) int {
		if a.File != b.File {
			if a.File < b.File {
				return -1
			}
			return 1
		}
		return 0
	})
	return r
}

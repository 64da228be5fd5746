package discover

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"slices"
	"sync"
)

// scan is one run of Scan.
type scan struct {
	o    Options
	ix   *sdkIndex
	tree tree
	w    *world

	mu     sync.Mutex
	loaded []*srcFile // per candidate; nil when not analysed
	read   []bool     // per candidate: read at least once
	// imports are, per candidate not analysed, the last names of the
	// modules it imports (see importNames).
	imports [][]string
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
	s.imports = make([][]string, n)
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
	modules, needles := s.secondaryNeedles()
	var again []int
	forced := map[int]bool{}
	for i, c := range s.tree.files {
		if s.loaded[i] != nil || !s.read[i] {
			continue
		}
		if importsAny(s.imports[i], modules[c.lang.sdk]) {
			forced[i] = true
			again = append(again, i)
		} else if len(needles[c.lang.sdk]) > 0 {
			again = append(again, i)
		}
	}
	if len(again) > 0 {
		if err := s.parallel(ctx, len(again), func(k int) {
			i := again[k]
			if forced[i] {
				s.load(i, [][]byte{}) // an import matched: analyse it
			} else {
				s.load(i, needles[s.tree.files[i].lang.sdk])
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
// containsCko when needles is nil, else any of needles; an empty
// non-nil needles means always.
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
	src, tooLarge, err := readLimited(s.o.FS, c.path, s.o.MaxFileSize)
	if err != nil {
		skip(SkipUnreadable)
		return
	}
	if tooLarge {
		skip(SkipTooLarge)
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
	switch {
	case needles == nil && !containsCko(src):
		s.imports[i] = importNames(c.lang, src)
		return
	case len(needles) > 0 && !containsAny(src, needles):
		return
	}
	if isSDKSource(c.path, c.lang, src) {
		skip(SkipSDKSource)
		return
	}
	s.loaded[i] = &srcFile{path: c.path, lang: c.lang, src: src, toks: codeTokens(c.lang.lex, src)}
}

// readLimited reads a file unless it is larger than limit (then it
// reports tooLarge and reads nothing, or at most limit+1 bytes when the
// size is not known in advance).
func readLimited(fsys fs.FS, name string, limit int64) (src []byte, tooLarge bool, err error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	size := int64(-1)
	if info, err := f.Stat(); err == nil {
		size = info.Size()
	}
	if size > limit {
		return nil, true, nil
	}
	capacity := size + 1
	if size < 0 {
		capacity = 4096
	}
	buf := bytes.NewBuffer(make([]byte, 0, capacity))
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, false, err
	}
	if int64(buf.Len()) > limit {
		return nil, true, nil
	}
	return buf.Bytes(), false, nil
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
		if a.usesSDK() {
			s.w.sdkUsed[a.f.lang.sdk] = true
		}
		s.w.addExports(a.f, a.exports)
		for k, v := range a.hints {
			s.w.params[a.f.lang.sdk+":"+k] = v
		}
	}
	return nil
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

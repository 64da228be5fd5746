package engine

import (
	"context"
	"sync"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/discover"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/judge"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// scanCode reads the Checkout.com calls of each credential's discover
// paths, each distinct set of paths once, all concurrently. It returns the
// calls by credential (parallel to run.Credentials) and one summary per
// scan, in the order the credentials first name its paths; both are nil
// when no credential turns discovery on.
func scanCode(ctx context.Context, o Options, run spec.Run) ([][]plan.Call, []judge.CodeScan) {
	var scans []judge.CodeScan
	index := map[string]int{}
	for _, c := range run.Credentials {
		if !c.Code.On {
			continue
		}
		k := c.Code.Key()
		if _, ok := index[k]; !ok {
			index[k] = len(scans)
			scans = append(scans, judge.CodeScan{Paths: c.Code})
		}
		scans[index[k]].Credentials = append(scans[index[k]].Credentials, c.Name)
	}
	if len(scans) == 0 {
		return nil, nil
	}
	results := make([]discover.Result, len(scans))
	var wg sync.WaitGroup
	for i := range scans {
		wg.Go(func() {
			results[i], scans[i].Err = scanOne(ctx, o, scans[i].Paths)
			scans[i].Files, scans[i].Skipped = results[i].FilesScanned, results[i].SkippedCounts
			scans[i].Calls = len(results[i].Calls)
		})
	}
	wg.Wait()
	calls := make([][]plan.Call, len(run.Credentials))
	for i, c := range run.Credentials {
		if c.Code.On {
			calls[i] = planCalls(results[index[c.Code.Key()]].Calls)
		}
	}
	return calls, scans
}

// scanOne scans the workspace at paths.
func scanOne(ctx context.Context, o Options, paths config.CodePaths) (discover.Result, error) {
	if o.Workspace == nil {
		return discover.Result{}, errNoWorkspace
	}
	return discover.Scan(ctx, discover.Options{FS: o.Workspace, Paths: paths.Paths, Exclude: paths.Exclude, Catalog: o.Catalog})
}

// planCalls converts the scanner's calls for the planner.
func planCalls(found []discover.Call) []plan.Call {
	out := make([]plan.Call, 0, len(found))
	for _, c := range found {
		out = append(out, plan.Call{
			Method: c.Method, Path: c.Path, Host: c.Host, Known: c.Known, Symbol: c.Symbol,
			Pos: report.Position{File: c.File, Line: c.Line, Column: c.Column},
		})
	}
	return out
}

package command

import (
	"io"
	"io/fs"
	"net/http"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// httpClient returns the client for every request: the injected one, or
// one built from the environment's proxy settings.
func (c *Command) httpClient() *http.Client {
	if c.HTTPClient != nil {
		return c.HTTPClient
	}
	return checkout.NewHTTPClient(checkout.ClientOptions{Getenv: c.Getenv, UserAgent: "checkout-preflight/" + c.version()})
}

// reportDir is the workspace directory the action writes its report in;
// reportIgnore, its .gitignore, keeps a later "git add -A" from committing
// it.
const (
	reportDir    = ".checkout-preflight"
	reportIgnore = "# Written by checkout-preflight; not part of the repository.\n*\n"
)

// reportPath is where the JSON report goes in Actions, named after the
// step so that two steps in a job do not overwrite each other: under the
// workspace (dir the workspace, name relative to it), because a Docker
// action's RUNNER_TEMP (/github/runner_temp) is a path only the container
// has, while the workspace is where later steps run; or, without a
// workspace, in RUNNER_TEMP (dir empty, name absolute). Both are empty
// when neither is set.
func reportPath(getenv func(string) string) (dir, name string) {
	file := "report-" + stepName(getenv("GITHUB_ACTION")) + ".json"
	if ws := getenv("GITHUB_WORKSPACE"); ws != "" {
		return ws, path.Join(reportDir, file)
	}
	if tmp := getenv("RUNNER_TEMP"); tmp != "" {
		return "", filepath.Join(tmp, "checkout-preflight-"+file)
	}
	return "", ""
}

// stepName is the step's GITHUB_ACTION in file-name-safe characters;
// "report" when empty.
func stepName(action string) string {
	step := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, action)
	if step == "" {
		step = "report"
	}
	return step
}

// workspaceFiles says where in the workspace an annotation lands.
type workspaceFiles struct {
	c      *Command
	dir    string // the workspace; empty when unknown
	fsys   fs.FS
	closer io.Closer
	opened bool
}

// locate returns file as an annotation must name it: relative to the
// workspace, cleaned and slash-separated (GitHub places "./x.yml" or an
// absolute path on no line of the diff); "" when it leaves the workspace
// or the workspace has no such file (a demo's built-in config), so that
// no annotation points at a line that does not exist.
func (w *workspaceFiles) locate(file string) string {
	if file == "" {
		return ""
	}
	rel := filepath.ToSlash(filepath.Clean(file))
	if w.dir != "" && filepath.IsAbs(file) {
		r, err := filepath.Rel(w.dir, file)
		if err != nil {
			return ""
		}
		rel = filepath.ToSlash(r)
	}
	if rel == "." || rel == ".." || strings.HasPrefix(rel, "../") || path.IsAbs(rel) {
		return ""
	}
	if fsys := w.tree(); fsys != nil {
		if info, err := fs.Stat(fsys, rel); err != nil || !info.Mode().IsRegular() {
			return ""
		}
	}
	return rel
}

// tree opens the workspace once; nil when it cannot be, and then files
// are not checked.
func (w *workspaceFiles) tree() fs.FS {
	if !w.opened {
		w.opened = true
		if w.dir != "" && w.c.OpenDir != nil {
			w.fsys, w.closer, _ = w.c.OpenDir(w.dir)
		}
	}
	return w.fsys
}

func (w *workspaceFiles) close() {
	if w.closer != nil {
		w.closer.Close()
	}
}

// positions returns a copy of r whose every position is as an annotation
// or a link must name it (see locate): the log, the annotations, the
// summary and the report then agree, and none points at a file the
// workspace lacks. A position whose file is not in the workspace is left
// out; r is not modified.
func (w *workspaceFiles) positions(r report.Report) report.Report {
	at := func(p *report.Position) *report.Position {
		if p == nil || p.File == "" {
			return p
		}
		file := w.locate(p.File)
		if file == "" {
			return nil
		}
		q := *p
		q.File = file
		return &q
	}
	r.Checks = slices.Clone(r.Checks)
	for i := range r.Checks {
		r.Checks[i].Position = at(r.Checks[i].Position)
	}
	r.Causes = slices.Clone(r.Causes)
	for i, c := range r.Causes {
		var kept []report.Position
		for _, p := range c.Positions {
			if q := at(&p); q != nil {
				kept = append(kept, *q)
			}
		}
		r.Causes[i].Positions = kept
	}
	r.Credentials = slices.Clone(r.Credentials)
	for i := range r.Credentials {
		c := &r.Credentials[i]
		c.Position = at(c.Position)
		c.Endpoints = slices.Clone(c.Endpoints)
		for j := range c.Endpoints {
			c.Endpoints[j].Position = at(c.Endpoints[j].Position)
		}
	}
	return r
}

package command

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// oneOf checks a command-line choice (such as --format) against its
// accepted values in any case; empty means def.
func oneOf(name, v, def string, accepted ...string) (string, error) {
	if v == "" {
		return def, nil
	}
	for _, a := range accepted {
		if strings.EqualFold(v, a) {
			return a, nil
		}
	}
	return "", fmt.Errorf("%s: %q is not accepted; use %s", name, v, strings.Join(accepted, " or "))
}

// lines splits a multi-line setting that has no position.
func lines(text string) []config.Value { return config.SplitList(text, report.Position{}) }

// withConfigFile loads the config file the inputs name (if any) and
// resolves the run. The run is returned even with an error, so that the
// secrets it read can be masked.
func (c *Command) resolve(in spec.Inputs, readFile func(string) ([]byte, error)) (spec.Run, error) {
	var file *config.File
	if path := in.Text(config.ConfigPath); path != "" {
		f, err := config.Load(workspaceRelative(c.confine, path), readFile)
		if err != nil {
			r, _ := spec.Resolve(in, nil, c.Getenv)
			return r, err
		}
		file = f
	}
	return spec.Resolve(in, file, c.Getenv)
}

// workspaceRelative is name as positions name it: when dir (the
// workspace) is set, relative to it, cleaned and slash-separated
// ("./.github/x.yml" is ".github/x.yml"), so that annotations land on the
// pull request's diff; a path outside dir is left as given, for the reader
// to refuse. Without dir, name is returned as given.
func workspaceRelative(dir, name string) string {
	if dir == "" {
		return name
	}
	if filepath.IsAbs(name) {
		rel, err := filepath.Rel(dir, name)
		if err != nil || !filepath.IsLocal(rel) {
			return name
		}
		name = rel
	}
	if clean := filepath.Clean(name); filepath.IsLocal(clean) {
		return filepath.ToSlash(clean)
	}
	return name
}

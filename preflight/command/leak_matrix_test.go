package command

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"net/url"
	"os"
	"path"
	"strings"
	"sync"
	"testing"
	"time"
)

// leakVector is one way a hostile Checkout.com, token endpoint, proxy,
// echo service or configuration could try to get a secret printed.
type leakVector struct {
	name string
	// action runs it as the GitHub Action (with inputs), else as the CLI
	// (with args).
	action bool
	args   []string
	inputs map[string]string
	env    map[string]string
	files  map[string]string // config files, relative to the workspace
}

// leakVectors builds the matrix against the hostile server srv and proxy.
func leakVectors(srv, proxy string) []leakVector {
	api, token, echo := srv, srv+"/connect/token", srv+"/ip"
	cliURLs := []string{"--api-url", api, "--auth-url", token, "--ip-echo-urls", echo}
	eps := "POST /payments, GET /payments/{id}, POST /payments/{id}/refunds"
	key := func(extra ...string) []string {
		return append(append([]string{"--secret-key", hostileKey, "--endpoints", eps, "--debug", "--report", "/tmp/report.json"}, cliURLs...), extra...)
	}
	oauth := func(authURL string) []string {
		return []string{"--client-id", hostileClient, "--client-secret", hostileSecret, "--environment", "sandbox", "--endpoints", "GET /disputes",
			"--debug", "--report", "/tmp/report.json", "--api-url", api, "--auth-url", authURL, "--ip-echo-urls", echo}
	}
	actionURLs := map[string]string{"api-url": api, "auth-url": token, "ip-echo-urls": echo}
	with := func(m map[string]string) map[string]string {
		out := map[string]string{}
		for k, v := range actionURLs {
			out[k] = v
		}
		for k, v := range m {
			out[k] = v
		}
		return out
	}
	pasted := `version: 1
credentials:
  - name: ` + hostileKey + `
    secret-key-env: CKO_B
    ` + hostileKey + `: true
    endpoints: |
      POST ` + hostileKey + `
      ` + hostileKey + `
    scopes: [` + hostileKey + `]
  - name: alias
    secret-key-env: &a CKO_B
    endpoints: *a
`
	two := `version: 1
credentials:
  - name: a
    secret-key-env: CKO_A
    endpoints: [POST /payments]
  - name: b
    secret-key-env: CKO_B
    endpoints: [POST /payments]
`
	return []leakVector{
		{name: "api echoes everything, CLI", args: key()},
		{name: "api echoes everything, JSON to stdout", args: key("--format", "json")},
		{name: "api echoes everything, Markdown to stdout", args: key("--format", "markdown")},
		{name: "api echoes everything, Actions", action: true, inputs: with(map[string]string{"secret-key": hostileKey, "endpoints": eps}), env: map[string]string{"RUNNER_DEBUG": "1"}},
		{name: "status line echoes everything", args: []string{"--secret-key", hostileKey, "--endpoints", eps, "--debug", "--api-url", srv + "/status-line", "--ip-echo-urls", "none", "--timeout", "5s"}},
		{name: "token scope and claims carry the client secret, CLI", args: oauth(token)},
		{name: "token scope and claims carry the client secret, Actions", action: true, env: map[string]string{"RUNNER_DEBUG": "1"},
			inputs: with(map[string]string{"client-id": hostileClient, "client-secret": hostileSecret, "environment": "sandbox", "endpoints": "GET /disputes"})},
		{name: "token refusal echoes everything", args: oauth(srv + "/connect/token-refused")},
		{name: "token endpoint issues the token e, Actions", action: true,
			inputs: with(map[string]string{"client-id": hostileClient, "client-secret": hostileSecret, "environment": "sandbox", "auth-url": srv + "/connect/token-e"})},
		{name: "a secret pasted into inputs, Actions", action: true, inputs: map[string]string{
			"environment": hostileKey, "timeout": hostileKey, "fail-on": hostileKey, "on-missing-credentials": hostileKey, "prefix": hostileKey, "config": hostileKey}},
		{name: "a secret pasted into flags", args: []string{"--environment", hostileKey, "--timeout", hostileKey, "--fail-on", hostileKey,
			"--on-missing-credentials", hostileKey, "--prefix", hostileKey, "--api-url", hostileKey, "--ip-echo-urls", hostileKey, "--scopes", hostileKey, "--allowed-ips", hostileKey}},
		{name: "a secret as a stray argument", args: []string{hostileKey}},
		{name: "a secret pasted into the config file, Actions", action: true, env: map[string]string{"CKO_B": hostileKeyB},
			inputs: with(map[string]string{"config": ".github/pasted.yml"}), files: map[string]string{".github/pasted.yml": pasted}},
		{name: "two keys in one config, debug", action: true, env: map[string]string{"CKO_A": hostileKey, "CKO_B": hostileKeyB, "RUNNER_DEBUG": "1"},
			inputs: with(map[string]string{"config": ".github/two.yml"}), files: map[string]string{".github/two.yml": two}},
		{name: "an echo URL with a password", args: []string{"--secret-key", hostileKey, "--api-url", api, "--endpoints", "POST /payments",
			"--ip-echo-urls", strings.Replace(echo, "http://", "http://echo-user:"+hostileEchoPass+"@", 1), "--debug"}},
		{name: "a proxy answers 407 echoing its credentials", env: map[string]string{"HTTPS_PROXY": "http://proxy-user:" + hostileProxyPass + "@" + proxy},
			args: []string{"--secret-key", hostileKey, "--endpoints", "POST /payments", "--api-url", "https://api.hostile.invalid",
				"--auth-url", "https://access.hostile.invalid/connect/token", "--ip-echo-urls", "none", "--debug", "--timeout", "5s"}},
		{name: "a proxy answers 407, Actions", action: true, env: map[string]string{"HTTPS_PROXY": "http://proxy-user:" + hostileProxyPass + "@" + proxy, "RUNNER_DEBUG": "1"},
			inputs: map[string]string{"client-id": hostileClient, "client-secret": hostileSecret, "environment": "sandbox", "api-url": "https://api.hostile.invalid",
				"auth-url": "https://access.hostile.invalid/connect/token", "ip-echo-urls": "none", "timeout": "5s"}},
		{name: "a malformed proxy variable", env: map[string]string{"HTTPS_PROXY": "http://proxy-user:" + hostileProxyPass + "@proxy:99999"},
			args: []string{"--secret-key", hostileKey, "--endpoints", "POST /payments"}},
	}
}

// leakRun is what one vector wrote.
type leakRun struct {
	stdout, stderr bytes.Buffer
	mu             sync.Mutex
	files          map[string][]byte
	code           int
}

// runVector runs v through the real Main, with redaction on or off.
func runVector(t *testing.T, v leakVector, redactionOff bool) *leakRun {
	t.Helper()
	run := &leakRun{files: map[string][]byte{}}
	env := map[string]string{}
	for k, val := range v.env {
		env[k] = val
	}
	if v.action {
		env["GITHUB_ACTIONS"], env["GITHUB_WORKSPACE"], env["RUNNER_TEMP"] = "true", workspace, runnerTemp
		env["GITHUB_OUTPUT"], env["GITHUB_STEP_SUMMARY"], env["GITHUB_ACTION"] = outputFile, summaryFile, "preflight"
		for _, name := range actionInputs() {
			env["INPUT_"+strings.ToUpper(name)] = ""
		}
		for k, val := range v.inputs {
			env["INPUT_"+strings.ToUpper(k)] = val
		}
	}
	for rel, content := range v.files {
		run.files[path.Join(workspace, rel)] = []byte(content)
	}
	c := &Command{
		Stdout: &run.stdout, Stderr: &run.stderr,
		Getenv: func(k string) string { return env[k] },
		ReadFile: func(dir, name string) ([]byte, error) {
			run.mu.Lock()
			defer run.mu.Unlock()
			if dir != "" && !path.IsAbs(name) {
				name = path.Join(dir, name)
			}
			if b, ok := run.files[name]; ok {
				return b, nil
			}
			return nil, &os.PathError{Op: "open", Path: name, Err: os.ErrNotExist}
		},
		WriteFile: func(dir, name string, data []byte, _ os.FileMode) error {
			if dir != "" {
				name = path.Join(dir, name)
			}
			run.mu.Lock()
			defer run.mu.Unlock()
			run.files[name] = bytes.Clone(data)
			return nil
		},
		AppendFile: func(name string, data []byte) error {
			run.mu.Lock()
			defer run.mu.Unlock()
			run.files[name] = append(run.files[name], data...)
			return nil
		},
		Now: time.Now, Version: "v0.0.0-leak", redactionOff: redactionOff,
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	args := v.args
	if v.action {
		args = nil
	}
	run.code = c.Main(ctx, args)
	return run
}

// leaks lists every place a secret shows in what run wrote: an 8-byte
// piece of any secret (beyond its public prefix), raw, URL-encoded or
// base64-encoded, in any sink, or a JWT-shaped value; a mask registered
// for a value that cannot be a credential; a value shown before its mask.
func leaks(run *leakRun, secrets []string) []string {
	sinks := map[string]string{"stderr": run.stderr.String()}
	var out []string
	var kept []string
	masked := map[string]bool{}
	for i, line := range strings.Split(run.stdout.String(), "\n") {
		if v, ok := strings.CutPrefix(line, "::add-mask::"); ok {
			if len(v) < 16 {
				out = append(out, fmt.Sprintf("stdout line %d masks %q, which cannot be a credential", i+1, v))
			}
			for _, k := range kept {
				if strings.Contains(k, v) {
					out = append(out, fmt.Sprintf("stdout line %d masks a value an earlier line showed", i+1))
				}
			}
			masked[v] = true
			continue
		}
		kept = append(kept, line)
	}
	sinks["stdout"] = strings.Join(kept, "\n")
	run.mu.Lock()
	for name, b := range run.files {
		if !strings.HasPrefix(name, workspace) {
			sinks[name] = string(b)
		}
	}
	run.mu.Unlock()
	for sink, text := range sinks {
		if strings.Contains(text, "eyJ") {
			out = append(out, sink+" holds something shaped like a JWT")
		}
		for si, s := range secrets {
			if piece := secretPiece(text, s); piece != "" {
				out = append(out, fmt.Sprintf("%s holds %q, a piece of secret #%d", sink, piece, si))
			}
		}
	}
	return out
}

// secretPiece returns an 8-byte piece of secret, in one of its forms, that
// text holds, or "".
func secretPiece(text, secret string) string {
	prefix := publicPrefix(secret)
	forms := []struct {
		s    string
		skip int
	}{
		{secret, len(prefix)}, {url.QueryEscape(secret), len(prefix)},
		{base64.StdEncoding.EncodeToString([]byte(secret)), 4 * ((len(prefix) + 2) / 3)},
		{base64.RawURLEncoding.EncodeToString([]byte(secret)), 4 * ((len(prefix) + 2) / 3)},
	}
	for _, f := range forms {
		end := len(f.s)
		if f.skip > 0 || strings.HasPrefix(f.s, base64.StdEncoding.EncodeToString([]byte(secret))[:4]) {
			end -= 4 // the last base64 group mixes in padding
		}
		for i := f.skip; i+8 <= end; i++ {
			if strings.Contains(text, f.s[i:i+8]) {
				return f.s[i : i+8]
			}
		}
	}
	return ""
}

// TestLeakMatrix runs every vector through the real Main, in CLI and in
// Actions mode, and asserts that no sink — stdout (workflow commands and
// the log), stderr, the job summary, the step outputs, the report file —
// holds any piece of any secret, and that masks come first.
func TestLeakMatrix(t *testing.T) {
	t.Parallel()
	srv := hostileServer(t)
	proxy := hostileProxy(t)
	for _, v := range leakVectors(srv.URL, proxy) {
		t.Run(v.name, func(t *testing.T) {
			t.Parallel()
			run := runVector(t, v, false)
			for _, l := range leaks(run, hostileSecrets()) {
				t.Error(l)
			}
			if run.stdout.Len()+run.stderr.Len() == 0 {
				t.Error("the run wrote nothing: the vector tests nothing")
			}
		})
	}
}

// TestLeakMatrixCatchesAnOpenSink is the matrix's mutation test: with the
// sink's redactor fed no secret, the matrix must see leaks — through the
// vectors only the sink closes (a request id, granted scopes, a token's
// claims or a debug line spelt validly yet holding a secret).
func TestLeakMatrixCatchesAnOpenSink(t *testing.T) {
	t.Parallel()
	srv := hostileServer(t)
	proxy := hostileProxy(t)
	var leaking []string
	for _, v := range leakVectors(srv.URL, proxy) {
		if len(leaks(runVector(t, v, true), hostileSecrets())) > 0 {
			leaking = append(leaking, v.name)
		}
	}
	if len(leaking) < 4 {
		t.Errorf("with redaction off only %d vectors leak (%q): the matrix would not notice an open sink", len(leaking), leaking)
	}
	t.Logf("with redaction off, %d vectors leak: %q", len(leaking), leaking)
}

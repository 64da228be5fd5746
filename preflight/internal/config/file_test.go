package config

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

const exampleYAML = `version: 1
defaults:
  environment: auto          # auto | sandbox | production
  prefix: ""                 # merchant prefix
  allowed-ips: |             # or a YAML list
    203.0.113.0/24
    198.51.100.7, 2001:db8::/32   # office
  timeout: 30s
credentials:
  - name: payments-service
    secret-key-env: CKO_PAYMENTS_SECRET_KEY
    environment: sandbox      # optional override
    endpoints: |              # or a list of strings
      POST /payments
      POST	/payments/{id}/refunds
      # a comment line
        get /payments/{id}
    scopes: [gateway:payment]
  - name: disputes-bot
    client-id-env: CKO_DISPUTES_CLIENT_ID
    client-secret-env: CKO_DISPUTES_CLIENT_SECRET
    prefix: 1a2b3c4d
    endpoints: [GET /disputes, 'POST /disputes/{id}/accept']
    scopes:
      - disputes:view
      - "disputes:accept, disputes"
`

func exampleFile(path string) *File {
	p := func(line, col int) Value { return Value{Pos: at(path, line, col)} }
	v := func(text string, line, col int) Value { x := p(line, col); x.Text = text; return x }
	return &File{
		Path:    path,
		Version: v("1", 1, 10),
		Defaults: Defaults{
			Environment: v("auto", 3, 16),
			Prefix:      v("", 4, 11),
			AllowedIPs:  []Value{v("203.0.113.0/24", 6, 5), v("198.51.100.7", 7, 5), v("2001:db8::/32", 7, 19)},
			Timeout:     v("30s", 8, 12),
		},
		Credentials: []Credential{
			{
				Name:         v("payments-service", 10, 11),
				SecretKeyEnv: v("CKO_PAYMENTS_SECRET_KEY", 11, 21),
				Environment:  v("sandbox", 12, 18),
				Endpoints:    []Value{v("POST /payments", 14, 7), v("POST\t/payments/{id}/refunds", 15, 7), v("get /payments/{id}", 17, 9)},
				Scopes:       []Value{v("gateway:payment", 18, 14)},
				Pos:          at(path, 10, 5),
			},
			{
				Name:            v("disputes-bot", 19, 11),
				ClientIDEnv:     v("CKO_DISPUTES_CLIENT_ID", 20, 20),
				ClientSecretEnv: v("CKO_DISPUTES_CLIENT_SECRET", 21, 24),
				Prefix:          v("1a2b3c4d", 22, 13),
				Endpoints:       []Value{v("GET /disputes", 23, 17), v("POST /disputes/{id}/accept", 23, 33)},
				Scopes:          []Value{v("disputes:view", 25, 9), v("disputes:accept", 26, 10), v("disputes", 26, 27)},
				Pos:             at(path, 19, 5),
			},
		},
	}
}

func TestParseExample(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		data string
	}{
		{name: "LF", data: exampleYAML},
		{name: "CRLF", data: strings.ReplaceAll(exampleYAML, "\n", "\r\n")},
		{name: "byte order mark", data: "\ufeff" + exampleYAML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Parse(".github/checkout-preflight.yml", []byte(tt.data))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if diff := cmp.Diff(exampleFile(".github/checkout-preflight.yml"), got); diff != "" {
				t.Errorf("Parse mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParseListForms checks that each way of writing a list gives every
// item its own position.
func TestParseListForms(t *testing.T) {
	t.Parallel()
	head := "version: 1\ncredentials:\n  - name: a\n    secret-key-env: K\n"
	tests := []struct {
		name      string
		endpoints string
		want      []Value
	}{
		{name: "literal block", endpoints: "    endpoints: |\n      GET /a\n      GET /b\n", want: []Value{{"GET /a", at("c", 6, 7)}, {"GET /b", at("c", 7, 7)}}},
		{name: "literal block with blank first line", endpoints: "    endpoints: |\n\n        GET /a\n", want: []Value{{"GET /a", at("c", 7, 9)}}},
		{name: "literal block, strip chomping", endpoints: "    endpoints: |-\n      GET /a\n", want: []Value{{"GET /a", at("c", 6, 7)}}},
		{name: "literal block, indentation indicator", endpoints: "    endpoints: |2\n        GET /a\n      GET /b\n", want: []Value{{"GET /a", at("c", 6, 9)}, {"GET /b", at("c", 7, 7)}}},
		{name: "literal block with tabs inside", endpoints: "    endpoints: |\n      GET\t/a\t# c\n", want: []Value{{"GET\t/a", at("c", 6, 7)}}},
		{name: "block list", endpoints: "    endpoints:\n      - GET /a\n      -   'GET /b'\n", want: []Value{{"GET /a", at("c", 6, 9)}, {"GET /b", at("c", 7, 12)}}},
		{name: "flow list", endpoints: "    endpoints: [GET /a, \"GET /b\"]\n", want: []Value{{"GET /a", at("c", 5, 17)}, {"GET /b", at("c", 5, 26)}}},
		{name: "one line with commas", endpoints: "    endpoints: GET /a, GET /b # both\n", want: []Value{{"GET /a", at("c", 5, 16)}, {"GET /b", at("c", 5, 24)}}},
		{name: "folded block falls back to the value's position", endpoints: "    endpoints: >\n      GET /a,\n      GET /b\n", want: []Value{{"GET /a", at("c", 5, 16)}, {"GET /b", at("c", 5, 16)}}},
		{name: "plain scalar over two lines falls back", endpoints: "    endpoints: GET /a,\n      GET /b\n", want: []Value{{"GET /a", at("c", 5, 16)}, {"GET /b", at("c", 5, 16)}}},
		{name: "escaped quotes fall back", endpoints: "    endpoints: \"GET /\\x61\"\n", want: []Value{{"GET /a", at("c", 5, 16)}}},
		{name: "empty", endpoints: "    endpoints:\n", want: nil},
		{name: "empty list", endpoints: "    endpoints: []\n", want: nil},
		{name: "hundreds", endpoints: "    endpoints: |\n" + hundreds(), want: hundredsWant()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse("c", []byte(head+tt.endpoints))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if diff := cmp.Diff(tt.want, f.Credentials[0].Endpoints); diff != "" {
				t.Errorf("endpoints mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func hundreds() string {
	var b strings.Builder
	for i := range 400 {
		fmt.Fprintf(&b, "      GET /payments/pay_%d, POST /payments/pay_%d/captures\n", i, i)
	}
	return b.String()
}

func hundredsWant() []Value {
	var out []Value
	for i := range 400 {
		get := fmt.Sprintf("GET /payments/pay_%d", i)
		out = append(out,
			Value{get, at("c", 6+i, 7)},
			Value{fmt.Sprintf("POST /payments/pay_%d/captures", i), at("c", 6+i, 7+len(get)+2)})
	}
	return out
}

func TestParseTextErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{name: "empty", data: nil, want: `cfg.yml: config file is empty; it needs "version: 1" and a "credentials:" list`},
		{name: "comments only", data: []byte("# nothing\n\n"), want: `cfg.yml: config file is empty; it needs "version: 1" and a "credentials:" list`},
		{name: "null", data: []byte("~\n"), want: `cfg.yml: config file is empty; it needs "version: 1" and a "credentials:" list`},
		{name: "not UTF-8", data: []byte("version: 1\ncredentials:\n  - name: caf\xe9\n"), want: `cfg.yml:3:14: config file is not valid UTF-8 text (byte 0xE9); save it as UTF-8`},
		{name: "UTF-16", data: []byte("\xff\xfev\x00e\x00"), want: `cfg.yml:1:1: config file is encoded as UTF-16; save it as UTF-8`},
		{name: "control character", data: []byte("version: 1\r\nx: \"a\x07\"\r\n"), want: `cfg.yml:2:6: config file contains the control character U+0007, which YAML does not allow; remove it`},
		{name: "too large", data: []byte("version: 1\n" + strings.Repeat("#", MaxFileSize)), want: `cfg.yml: config file is 1048587 bytes, more than the limit of 1 MiB (1048576 bytes); a preflight config is a few kilobytes, so check that the path names the right file`},
		{name: "two documents", data: []byte("version: 1\n---\nversion: 2\n"), want: `cfg.yml:3:1: config file holds more than one YAML document (separated by "---"); keep everything in the first one`},
		{name: "syntax in second document", data: []byte("version: 1\n---\nx: [\n"), want: `cfg.yml:4: invalid YAML: did not find expected node content; check the indentation and quoting near this line`},
		{name: "unknown anchor", data: []byte("version: 1\ncredentials:\n  - *creds\n"), want: `cfg.yml:3: invalid YAML: unknown anchor 'creds' referenced; check the indentation and quoting near this line`},
		{name: "scanner error without line", data: []byte("version: 1: 2\n"), want: `cfg.yml:1: invalid YAML: mapping values are not allowed in this context; check the indentation and quoting near this line`},
		{name: "tab indentation", data: []byte("version: 1\ncredentials:\n\t- name: a\n"), want: `cfg.yml:3: invalid YAML: the line starts with a tab, and YAML indents with spaces only; replace the tab with spaces`},
		{name: "tab after indentation", data: []byte("version: 1\ncredentials:\n  - name: a\n  \t secret-key-env: K\n"), want: `cfg.yml:4: invalid YAML: the line starts with a tab, and YAML indents with spaces only; replace the tab with spaces`},
		{name: "parser error counted from zero", data: []byte("version: 1\ncredentials:\n  - name: a\n endpoints: x\n"), want: `cfg.yml:4: invalid YAML: did not find expected key; check the indentation and quoting near this line`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse("cfg.yml", tt.data)
			if f != nil {
				t.Errorf("Parse returned a file with an error")
			}
			if diff := cmp.Diff([]string{tt.want}, messages(t, err)); diff != "" {
				t.Errorf("Parse error mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	t.Parallel()
	files := map[string][]byte{"ok.yml": []byte(exampleYAML)}
	denied := errors.New("open locked.yml: permission denied")
	read := func(name string) ([]byte, error) {
		if name == "locked.yml" {
			return nil, denied
		}
		if data, ok := files[name]; ok {
			return data, nil
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}

	f, err := Load("ok.yml", read)
	if err != nil {
		t.Fatalf("Load(ok.yml): %v", err)
	}
	if diff := cmp.Diff(exampleFile("ok.yml"), f); diff != "" {
		t.Errorf("Load mismatch (-want +got):\n%s", diff)
	}

	_, err = Load(".github/checkout-preflight.yml", read)
	want := `.github/checkout-preflight.yml: config file ".github/checkout-preflight.yml" does not exist; create it (see the README for its format) or give the path of an existing file`
	if diff := cmp.Diff(want, fmt.Sprint(err)); diff != "" {
		t.Errorf("missing file error mismatch (-want +got):\n%s", diff)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file error does not wrap fs.ErrNotExist: %v", err)
	}

	_, err = Load("locked.yml", read)
	want = `locked.yml: config file "locked.yml" cannot be read; check that it is a file and that its permissions let the action read it`
	if diff := cmp.Diff(want, fmt.Sprint(err)); diff != "" {
		t.Errorf("unreadable file error mismatch (-want +got):\n%s", diff)
	}
	if !errors.Is(err, denied) {
		t.Errorf("unreadable file error does not wrap the cause: %v", err)
	}
}

func TestCredentialHelpers(t *testing.T) {
	t.Parallel()
	f := exampleFile("c")
	keyCred, oauthCred := f.Credentials[0], f.Credentials[1]
	if diff := cmp.Diff([]Value{keyCred.SecretKeyEnv}, keyCred.EnvNames()); diff != "" {
		t.Errorf("EnvNames (secret key) mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Value{oauthCred.ClientIDEnv, oauthCred.ClientSecretEnv}, oauthCred.EnvNames()); diff != "" {
		t.Errorf("EnvNames (OAuth) mismatch (-want +got):\n%s", diff)
	}
	if got := (Credential{}).EnvNames(); got != nil {
		t.Errorf("EnvNames of zero Credential = %v, want nil", got)
	}
	if keyCred.IsOAuth() || !oauthCred.IsOAuth() {
		t.Errorf("IsOAuth = %v, %v; want false, true", keyCred.IsOAuth(), oauthCred.IsOAuth())
	}
	if d, err := ParseDuration(Timeout, f.Defaults.Timeout); d != 30*time.Second || err != nil {
		t.Errorf("ParseDuration(defaults timeout) = %v, %v; want 30s, nil", d, err)
	}
	if d, err := ParseDuration(Timeout, (Defaults{}).Timeout); d != 0 || err != nil {
		t.Errorf("ParseDuration of an unset timeout = %v, %v; want 0, nil", d, err)
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	a := &Error{Pos: at("f", 1, 2), Message: "a"}
	b := &Error{Message: "b"}
	plain := errors.New("plain")
	wrappedPlain := fmt.Errorf("loading: %w", plain)
	tests := []struct {
		name string
		err  error
		want []*Error
	}{
		{name: "nil", err: nil, want: nil},
		{name: "one", err: a, want: []*Error{a}},
		{name: "joined", err: errors.Join(a, errors.Join(b)), want: []*Error{a, b}},
		{name: "wrapped", err: fmt.Errorf("loading: %w", a), want: []*Error{a}},
		{name: "plain", err: plain, want: []*Error{{Message: "plain", Err: plain}}},
		{name: "wrapped join", err: fmt.Errorf("config: %w", errors.Join(a, b)), want: []*Error{a, b}},
		{name: "joined with a plain error", err: errors.Join(a, plain), want: []*Error{a, {Message: "plain", Err: plain}}},
		{name: "wrapped plain keeps its context", err: wrappedPlain, want: []*Error{{Message: "loading: plain", Err: wrappedPlain}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sameErr := cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Err" },
				cmp.Comparer(func(x, y error) bool { return x == y }))
			if diff := cmp.Diff(tt.want, Errors(tt.err), sameErr); diff != "" {
				t.Errorf("Errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
	if got, want := a.Error(), "f:1:2: a"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := b.Error(), "b"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

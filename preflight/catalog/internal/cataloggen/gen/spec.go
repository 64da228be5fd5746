package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// knownScheme reports whether name is a security scheme the catalog understands.
func knownScheme(name string) bool {
	switch name {
	case "OAuth", "ApiSecretKey", "ApiPublicKey", "SessionSecret":
		return true
	}
	return false
}

type server struct {
	URL string `json:"url"`
}

type specDoc struct {
	Info struct {
		Title   string `json:"title"`
		Version string `json:"version"`
	} `json:"info"`
	Servers    []server                              `json:"servers"`
	Security   json.RawMessage                       `json:"security"`
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		SecuritySchemes map[string]struct {
			Flows map[string]struct {
				Scopes map[string]string `json:"scopes"`
			} `json:"flows"`
		} `json:"securitySchemes"`
	} `json:"components"`
}

type specOperation struct {
	Summary     string          `json:"summary"`
	OperationID string          `json:"operationId"`
	Tags        []string        `json:"tags"`
	Security    json.RawMessage `json:"security"`
	Servers     []server        `json:"servers"`
}

// spec is what readSpec extracts.
type spec struct {
	title, version string
	ops            []Op
	declaredScopes map[string]string // OAuth flow scopes: name → description
}

// isMethod reports whether a path item key is an HTTP method.
func isMethod(key string) bool {
	switch key {
	case "get", "put", "post", "delete", "options", "head", "patch", "trace":
		return true
	}
	return false
}

func readSpec(data []byte) (spec, error) {
	var doc specDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return spec{}, fmt.Errorf("not an OpenAPI document in JSON: %w", err)
	}
	if len(doc.Paths) == 0 {
		return spec{}, fmt.Errorf("the document has no paths; want an OpenAPI 3 document such as https://api-reference.checkout.com/swagger.json")
	}
	s := spec{title: doc.Info.Title, version: doc.Info.Version, declaredScopes: map[string]string{}}
	for _, scheme := range doc.Components.SecuritySchemes {
		for _, flow := range scheme.Flows {
			for name, desc := range flow.Scopes {
				s.declaredScopes[name] = desc
			}
		}
	}
	rootSecurity, err := parseSecurity(doc.Security)
	if err != nil {
		return spec{}, fmt.Errorf("top-level security: %w", err)
	}
	for _, path := range sortedKeys(doc.Paths) {
		item := doc.Paths[path]
		var pathServers []server
		if raw, ok := item["servers"]; ok {
			if err := json.Unmarshal(raw, &pathServers); err != nil {
				return spec{}, fmt.Errorf("servers of path %q: %w", path, err)
			}
		}
		for _, method := range sortedKeys(item) {
			if !isMethod(method) {
				continue
			}
			var o specOperation
			if err := json.Unmarshal(item[method], &o); err != nil {
				return spec{}, fmt.Errorf("%s %s: %w", strings.ToUpper(method), path, err)
			}
			op, err := specOp(strings.ToUpper(method), path, o, firstServers(o.Servers, pathServers, doc.Servers), rootSecurity)
			if err != nil {
				return spec{}, fmt.Errorf("%s %s: %w", strings.ToUpper(method), path, err)
			}
			s.ops = append(s.ops, op)
		}
	}
	return s, nil
}

// firstServers returns the first non-empty server list.
func firstServers(lists ...[]server) []server {
	for _, l := range lists {
		if len(l) > 0 {
			return l
		}
	}
	return nil
}

func specOp(method, path string, o specOperation, servers []server, rootSecurity []Requirement) (Op, error) {
	op := Op{Method: method, Summary: oneLine(o.Summary), OperationID: o.OperationID, Status: "current"}
	if len(o.Tags) > 0 {
		op.Tag = o.Tags[0]
	}
	var err error
	if op.Host, op.Path, op.SandboxOnly, err = locate(path, servers); err != nil {
		return Op{}, err
	}
	op.Security = rootSecurity
	if o.Security != nil {
		if op.Security, err = parseSecurity(o.Security); err != nil {
			return Op{}, err
		}
	}
	return op, nil
}

// locate derives the host (first label of the servers' hostname, e.g.
// "files" for files.sandbox.checkout.com), the full path (any path the
// server URL carries, e.g. "/files/{file_id}", followed by the spec path)
// and whether only sandbox servers are listed. Without servers the host is
// "api".
func locate(path string, servers []server) (host, full string, sandboxOnly bool, err error) {
	if len(servers) == 0 {
		return "api", path, false, nil
	}
	sandboxOnly = true
	for i, s := range servers {
		u, err := url.Parse(s.URL)
		if err != nil || u.Hostname() == "" {
			return "", "", false, fmt.Errorf("server URL %q is not an absolute URL", s.URL)
		}
		labels := strings.Split(strings.ToLower(u.Hostname()), ".")
		p := strings.TrimSuffix(u.Path, "/")
		if path != "/" {
			p += path
		}
		if p == "" {
			p = "/"
		}
		if i == 0 {
			host, full = labels[0], p
		} else if labels[0] != host || p != full {
			return "", "", false, fmt.Errorf("servers disagree: %q is not on host %q with path %q", s.URL, host, full)
		}
		if !slices.Contains(labels, "sandbox") {
			sandboxOnly = false
		}
	}
	return host, full, sandboxOnly, nil
}

// parseSecurity reads a security requirement list in either the OpenAPI
// form [{"OAuth": ["gateway"]}] or the operations.json form
// [{"scheme": "OAuth", "scopes": ["gateway"]}]. Absent or null gives nil
// (unknown); [] gives an empty non-nil list.
func parseSecurity(raw json.RawMessage) ([]Requirement, error) {
	if len(raw) == 0 || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return nil, nil
	}
	var objs []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &objs); err != nil {
		return nil, fmt.Errorf("security is not a list of requirement objects: %w", err)
	}
	reqs := []Requirement{}
	for _, obj := range objs {
		var r Requirement
		if nameRaw, ok := obj["scheme"]; ok {
			if err := json.Unmarshal(nameRaw, &r.Scheme); err != nil {
				return nil, fmt.Errorf("security scheme: %w", err)
			}
			if s, ok := obj["scopes"]; ok {
				if err := json.Unmarshal(s, &r.Scopes); err != nil {
					return nil, fmt.Errorf("scopes of %q: %w", r.Scheme, err)
				}
			}
		} else {
			if len(obj) != 1 {
				return nil, fmt.Errorf("a security requirement names %d schemes (%s); the catalog supports exactly one per alternative", len(obj), strings.Join(sortedKeys(obj), ", "))
			}
			for name, s := range obj {
				r.Scheme = name
				if err := json.Unmarshal(s, &r.Scopes); err != nil {
					return nil, fmt.Errorf("scopes of %q: %w", name, err)
				}
			}
		}
		if !knownScheme(r.Scheme) {
			return nil, fmt.Errorf("unknown security scheme %q; want OAuth, ApiSecretKey, ApiPublicKey or SessionSecret", r.Scheme)
		}
		if len(r.Scopes) == 0 {
			r.Scopes = nil
		}
		reqs = append(reqs, r)
	}
	return reqs, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

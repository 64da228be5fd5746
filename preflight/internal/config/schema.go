package config

import (
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// The keys each mapping accepts, in the order messages list them.
func topKeys() []string      { return []string{"version", "defaults", "credentials"} }
func defaultsKeys() []string { return fileKeys(false) }
func credentialKeys() []string {
	return append([]string{"name", "secret-key-env", "client-id-env", "client-secret-env", "public-key-env"}, fileKeys(true)...)
}

// file reads the root node into a File, recording every problem.
func (s *source) file(root *yaml.Node) *File {
	f := &File{Path: s.path}
	if root.Kind != yaml.MappingNode {
		s.fail(root, fmt.Sprintf(`config file must be a mapping of keys such as "version:" and "credentials:", not %s`, describe(root)))
		return f
	}
	var creds *yaml.Node
	s.mapping(root, "", topKeys(), func(key, val *yaml.Node) {
		switch key.Value {
		case "version":
			f.Version = s.scalar(key, val)
		case "defaults":
			f.Defaults = s.defaults(val)
		case "credentials":
			creds = val
			f.Credentials = s.credentials(key, val)
		}
	})
	switch {
	case f.Version.Pos.Line == 0:
		s.fail(root, `"version" is missing; add "version: 1" at the top of the file`)
	case s.wrong[f.Version.Pos]:
	case f.Version.Text != "1":
		s.errs = append(s.errs, errorAt(f.Version.Pos, fmt.Sprintf(`version %s is not supported; this release reads "version: 1"`, quote(f.Version.Text))))
	}
	if creds == nil {
		s.fail(root, `no credentials are declared; add a "credentials:" list with at least one entry that has a "name" and a key variable`)
	}
	return f
}

// mapping calls fn for each known key of the mapping n, in order, after
// reporting keys that are unknown, repeated, not strings, aliases or merge
// keys. where says which mapping it is for messages, e.g. ` in "defaults"`.
// It returns the keys that may have been meant by the ones reported (the
// suggestions for unknown keys, every key for a merge key), so that a
// misspelt key is not reported as missing too.
func (s *source) mapping(n *yaml.Node, where string, known []string, fn func(key, val *yaml.Node)) (meant []string) {
	first := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		switch {
		case key.Kind == yaml.AliasNode:
			s.failAlias(key)
			continue
		case key.Kind != yaml.ScalarNode:
			s.fail(key, fmt.Sprintf("keys must be plain words such as %q, not %s", known[0], describe(key)))
			continue
		case key.Value == "<<" && key.Tag == "!!merge":
			s.fail(key, `merge keys ("<<") are not supported in the config file; write the keys out in full`)
			meant = append(meant, known...)
			continue
		}
		if line, ok := first[key.Value]; ok {
			s.fail(key, fmt.Sprintf("key %s is repeated%s (first on line %d); keep one of them", quote(key.Value), where, line))
			continue
		}
		first[key.Value] = key.Line
		if !contains(known, key.Value) {
			hint := ""
			if c := closest(key.Value, known); c != "" {
				hint = fmt.Sprintf("did you mean %q? ", c)
				meant = append(meant, c)
			}
			s.fail(key, fmt.Sprintf("unknown key %s%s; %svalid keys are %s", quote(key.Value), where, hint, strings.Join(known, ", ")))
			continue
		}
		if val.Kind == yaml.AliasNode {
			s.failAlias(val)
			continue
		}
		fn(key, val)
	}
	return meant
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (s *source) failAlias(n *yaml.Node) {
	s.fail(n, fmt.Sprintf("aliases such as %q are not supported in the config file; write the value out in full", "*"+clip(n.Value)))
}

// scalar reads a single string value. An empty value ("key:") is the zero
// Value, as if the key were not written. A value of the wrong type is
// reported and returned with an empty Text and its position, which s.wrong
// remembers so that later checks leave it alone.
func (s *source) scalar(key, n *yaml.Node) Value {
	if n.Kind != yaml.ScalarNode {
		s.fail(n, fmt.Sprintf("%q must be a string, not %s", key.Value, describe(n)))
		s.wrong[s.pos(n)] = true
		return Value{Pos: s.pos(n)}
	}
	if isNull(n) {
		return Value{}
	}
	return Value{Text: strings.Trim(n.Value, " \t"), Pos: s.pos(n)}
}

// list reads a list of strings written as a YAML list, a block of lines
// ("|") or one line; every string is split further with SplitList, so
// commas and "#" comments work in all three forms. It returns nil for an
// empty value.
func (s *source) list(key, n *yaml.Node) []Value {
	switch n.Kind {
	case yaml.ScalarNode:
		return s.splitScalar(n)
	case yaml.SequenceNode:
	default:
		s.fail(n, fmt.Sprintf(`%q must be a list of strings or a block of lines ("|"), not %s`, key.Value, describe(n)))
		return nil
	}
	var out []Value
	for i, item := range n.Content {
		switch {
		case item.Kind == yaml.ScalarNode:
			out = append(out, s.splitScalar(item)...)
		case item.Kind == yaml.AliasNode:
			s.failAlias(item)
		case key.Value == "endpoints" && item.Kind == yaml.MappingNode && len(item.Content) == 2 && isMethod(item.Content[0].Value):
			m := strings.ToUpper(item.Content[0].Value)
			s.fail(item, fmt.Sprintf(`endpoint must be a string such as %q, not a mapping; remove the ":" after %q`, m+" "+clip(item.Content[1].Value), item.Content[0].Value))
		default:
			s.fail(item, fmt.Sprintf("%q item %d must be a string, not %s", key.Value, i+1, describe(item)))
		}
	}
	return out
}

// defaults reads the "defaults:" mapping.
func (s *source) defaults(n *yaml.Node) Defaults {
	var d Defaults
	if isNull(n) {
		return d
	}
	if n.Kind != yaml.MappingNode {
		s.fail(n, fmt.Sprintf(`"defaults" must be a mapping of keys such as "environment:", not %s`, describe(n)))
		return d
	}
	s.mapping(n, ` in "defaults"`, defaultsKeys(), func(key, val *yaml.Node) {
		switch key.Value {
		case Environment:
			d.Environment = checked(s, s.scalar(key, val), ParseEnvironment)
		case Prefix:
			d.Prefix = checked(s, s.scalar(key, val), ParsePrefix)
		case Timeout:
			d.Timeout = checked(s, s.scalar(key, val), func(v Value) (time.Duration, error) { return ParseDuration(Timeout, v) })
		case FailOn:
			d.FailOn = checked(s, s.scalar(key, val), func(v Value) (string, error) { return ParseChoice(FailOn, v, FailOnChoices()...) })
		case OnMissing:
			d.OnMissing = checked(s, s.scalar(key, val), func(v Value) (string, error) { return ParseChoice(OnMissing, v, OnMissingChoices()...) })
		case AllowedIPs:
			d.AllowedIPs = s.list(key, val)
		case Discover:
			d.Discover = s.list(key, val)
			_, err := ParseDiscover(d.Discover)
			s.errs = append(s.errs, Errors(err)...)
		}
	})
	return d
}

// credentials reads the "credentials:" list.
func (s *source) credentials(key, n *yaml.Node) []Credential {
	if n.Kind != yaml.SequenceNode && !isNull(n) {
		s.fail(n, fmt.Sprintf(`"credentials" must be a list of credentials, each starting with "- name:", not %s`, describe(n)))
		return nil
	}
	if len(n.Content) == 0 {
		s.fail(key, `no credentials are declared; add at least one entry under "credentials:" with a "name" and a key variable`)
		return nil
	}
	var out []Credential
	names := map[string]Value{}
	for i, item := range n.Content {
		if item.Kind == yaml.AliasNode {
			s.failAlias(item)
			continue
		}
		if item.Kind != yaml.MappingNode {
			s.fail(item, fmt.Sprintf(`credentials item %d must be a mapping with "name:" and a key variable, not %s`, i+1, describe(item)))
			continue
		}
		c := s.credential(i+1, item)
		if c.Name.Text != "" {
			if first, ok := names[c.Name.Text]; ok {
				s.errs = append(s.errs, errorAt(c.Name.Pos, fmt.Sprintf(
					"credential name %s is already used on line %d; give each credential a name of its own", quote(c.Name.Text), first.Pos.Line)))
			} else {
				names[c.Name.Text] = c.Name
			}
		}
		out = append(out, c)
	}
	return out
}

// credential reads the index-th (1-based) entry of "credentials:".
func (s *source) credential(index int, n *yaml.Node) Credential {
	c := Credential{Pos: s.pos(n)}
	label := fmt.Sprintf("credentials item %d", index)
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k, v := n.Content[i], n.Content[i+1]; k.Value == "name" && v.Kind == yaml.ScalarNode && !isNull(v) && v.Value != "" {
			label = fmt.Sprintf("credential %s", quote(v.Value))
			break
		}
	}
	meant := s.mapping(n, " in "+label, credentialKeys(), func(key, val *yaml.Node) {
		switch key.Value {
		case "name":
			c.Name = s.scalar(key, val)
		case "secret-key-env":
			c.SecretKeyEnv = s.scalar(key, val)
		case "public-key-env":
			c.PublicKeyEnv = s.scalar(key, val)
		case "client-id-env":
			c.ClientIDEnv = s.scalar(key, val)
		case "client-secret-env":
			c.ClientSecretEnv = s.scalar(key, val)
		case Environment:
			c.Environment = checked(s, s.scalar(key, val), ParseEnvironment)
		case Prefix:
			c.Prefix = checked(s, s.scalar(key, val), ParsePrefix)
		case "endpoints":
			c.Endpoints = s.list(key, val)
			_, _, err := ParseEndpoints(c.Endpoints)
			s.errs = append(s.errs, Errors(err)...)
		case "scopes":
			c.Scopes = s.list(key, val)
			_, err := ParseScopes(c.Scopes)
			s.errs = append(s.errs, Errors(err)...)
		case Discover:
			c.Discover = s.list(key, val)
			_, err := ParseDiscover(c.Discover)
			s.errs = append(s.errs, Errors(err)...)
		}
	})
	s.checkCredential(index, label, n, c, meant)
	return c
}

// checked parses v with the setting's parser, the one flags and inputs use
// too, and records its error; it returns v as written.
func checked[T any](s *source, v Value, parse func(Value) (T, error)) Value {
	if s.wrong[v.Pos] {
		return v
	}
	if _, err := parse(v); err != nil {
		s.errs = append(s.errs, Errors(err)...)
	}
	return v
}

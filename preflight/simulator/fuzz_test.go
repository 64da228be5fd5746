package simulator

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzValidateBody checks validateBody against a plain reading of its
// rule: valid exactly when the body is one JSON object with a member.
func FuzzValidateBody(f *testing.F) {
	for _, seed := range []string{``, `{}`, `{"a":1}`, `[]`, `null`, `"x"`, `{"a":`, `{"a":1} `, `{"a":1}{}`, "\ufeff{\"a\":1}"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		code := validateBody(body, nil)
		var v any
		err := json.Unmarshal(body, &v)
		obj, isObj := v.(map[string]any)
		valid := err == nil && isObj && len(obj) > 0
		if (code == "") != valid {
			t.Errorf("validateBody(%q) = %q, but a JSON object with a member: %v", body, code, valid)
		}
	})
}

// FuzzAuthenticate checks that no Authorization value authenticates
// unless it carries a known key or a token this server issued.
func FuzzAuthenticate(f *testing.F) {
	for _, seed := range []string{"", "Bearer", "Bearer ", "Bearer " + keyFull, keyFull, keyPrevious, "Bearer " + keyPrevious,
		"Basic " + keyFull, "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.AAAA", "bearer\t" + keyFull} {
		f.Add(seed)
	}
	s := NewUnstartedServer(Options{Credentials: testCredentials(), Catalog: testCatalog()})
	f.Fuzz(func(t *testing.T, authorization string) {
		p := s.authenticate(authorization)
		if p.via == viaNothing {
			return
		}
		known := false
		for _, c := range testCredentials() {
			known = known || (c.SecretKey != "" && strings.Contains(authorization, c.SecretKey))
		}
		if !known {
			t.Errorf("an Authorization value with no known key authenticated as %q", p.name())
		}
	})
}

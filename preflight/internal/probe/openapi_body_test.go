package probe

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/google/go-cmp/cmp"
)

// What the documented request body makes of a probe's body.
const (
	bodyRefused     = "refused by the documented schema"
	bodyNotSent     = "not sent: the probe is skipped"
	bodyUndescribed = "the operation documents no request body"
	bodyMediaType   = "no schema for the probe's Content-Type, and the documented ones refuse an empty body"
	bodyMediaAny    = "no schema for the probe's Content-Type, and a documented one accepts an empty body"
	bodyAccepted    = "accepted by the documented schema"
)

// bodyException is a collection write whose probe body the document does
// not refuse, and why that is acceptable (or what the lead must decide).
type bodyException struct {
	verdict string // one of the body… constants other than bodyRefused
	reason  string
}

// bodyExceptions lists, by "METHOD host template" as the catalog spells it,
// every POST, PUT or PATCH without a path parameter whose probe body is not
// refused by the operation's documented request schema. Any other such
// operation must be refused; an entry that no longer applies fails too.
func bodyExceptions() map[string]bodyException {
	const tokenEndpoint = "a token endpoint is never probed (see tables.go: it authenticates with form fields, so its answer says nothing about the credential)"
	const upload = "the upload documents only multipart/form-data, whose schema requires fields [] cannot carry; the probe sends [] as application/json, so 415 or 422 is expected and no file can be stored (package documentation)"
	return map[string]bodyException{
		"POST access /connect/token":          {bodyNotSent, tokenEndpoint},
		"POST api /applepay/signing-requests": {bodyNotSent, "never probed (see tables.go): the document gives it no request body, so nothing would stop it from generating a signing request"},
		"POST api /files":                     {bodyMediaType, upload},
		"POST files /files":                   {bodyMediaType, upload + "; the document's path is \"/\" with server https://files.checkout.com/files"},
	}
}

// checkCollectionWriteBodies checks that every POST, PUT or PATCH probe
// without a path id, of an operation in the OpenAPI document, sends a body
// that the operation's documented request schema rejects, so that the API
// refuses it before acting on it.
func checkCollectionWriteBodies(t *testing.T, probes []checkedProbe) {
	exceptions := bodyExceptions()
	checked := map[string]bool{}
	for _, c := range probes {
		if !isWrite(c.op.Method) || strings.Contains(c.op.Path, "{") {
			continue
		}
		checked[c.name()] = true
		t.Run(c.name(), func(t *testing.T) {
			t.Parallel()
			got, detail := bodyVerdict(t.Context(), c)
			want, why := bodyRefused, ""
			if e, ok := exceptions[c.name()]; ok {
				want, why = e.verdict, "\nbodyExceptions: "+e.reason
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("body %q (%s) against %s (-want +got):\n%s%s%s", c.probe.Body, c.probe.ContentType, c.spec, diff, detail, why)
			}
		})
	}
	if len(checked) == 0 {
		t.Fatal("no collection write was checked")
	}
	for name, e := range exceptions {
		if !checked[name] {
			t.Errorf("bodyExceptions lists %q, which is not a collection write of the document; remove it", name)
		}
		if e.verdict == bodyRefused || e.reason == "" {
			t.Errorf("bodyExceptions[%q] = %+v; an exception needs a verdict other than %q and a reason", name, e, bodyRefused)
		}
	}
}

// bodyVerdict validates c's probe body with kin-openapi's request
// validator and says what the documented request body makes of it; detail
// is the validator's message, or "" for none.
func bodyVerdict(ctx context.Context, c checkedProbe) (verdict, detail string) {
	p := c.probe
	if p.Skip != "" {
		return bodyNotSent, ""
	}
	rb := c.spec.op.RequestBody
	if rb == nil || rb.Value == nil {
		return bodyUndescribed, ""
	}
	if mt := rb.Value.Content.Get(p.ContentType); mt == nil {
		// The API cannot bind [] to any documented type. Should it read
		// the body as an empty form all the same, the documented schemas
		// must refuse that too.
		detail = "\ndocumented: " + strings.Join(slices.Sorted(maps.Keys(rb.Value.Content)), ", ")
		for _, mt := range rb.Value.Content {
			if mt.Schema == nil || mt.Schema.Value.VisitJSON(map[string]any{}, openapi3.VisitAsRequest()) == nil {
				return bodyMediaAny, detail
			}
		}
		return bodyMediaType, detail
	}
	req := httptest.NewRequestWithContext(ctx, p.Method, "http://"+p.Host+".invalid"+p.Path, bytes.NewReader(p.Body))
	req.Header.Set("Content-Type", p.ContentType)
	in := &openapi3filter.RequestValidationInput{Request: req, Options: &openapi3filter.Options{SkipSettingDefaults: true}}
	err := openapi3filter.ValidateRequestBody(ctx, in, rb.Value)
	var schemaErr *openapi3.SchemaError
	switch {
	case err == nil:
		return bodyAccepted, ""
	case errors.As(err, &schemaErr):
		return bodyRefused, "\nvalidator: " + firstLine(err.Error())
	default:
		return "validation failed for another reason", "\nvalidator: " + err.Error()
	}
}

func isWrite(method string) bool { return method == "POST" || method == "PUT" || method == "PATCH" }

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

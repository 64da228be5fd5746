package probe

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// specFile is Checkout.com's OpenAPI document inside the reference
// directory (see specDir).
const specFile = "openapi-nas-2023-07.json"

// specDir returns the directory holding the reference files: the
// CHECKOUT_API_SPEC_DIR environment variable, or ../shared/checkout-api
// relative to the repository root, as preflight/catalog's staleness test
// finds them.
func specDir() string {
	if dir := os.Getenv("CHECKOUT_API_SPEC_DIR"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "..", "..", "shared", "checkout-api")
}

// specRepair is one place where the document is not valid OpenAPI 3.0, so
// that kin-openapi cannot load it, and what the test puts there instead.
// Both defects lie below the top level of their schemas, where a probe's
// body [] is already refused, so neither repair can change a verdict.
type specRepair struct {
	pointer string // JSON pointer to the defect
	// found is the Go type encoding/json gives the defective value
	// ("bool", "string"); a value of any other type is not the known defect.
	found string
	// with replaces the value; nil deletes the member.
	with any
	why  string // what is wrong
}

// specRepairs are the document's defects the test repairs before loading.
// Each must still be found as given: a changed document fails the test
// rather than being repaired blindly.
func specRepairs() []specRepair {
	return []specRepair{
		{
			pointer: "/components/schemas/PaymentRequestProcessingSettings/properties/product_type/required",
			found:   "bool",
			why:     "a boolean required on a property (OpenAPI 2 style); OpenAPI 3.0 wants a list of names, and the parent already says when it applies",
		},
		{
			pointer: "/components/schemas/PlatformsFileUploadResponse/properties/_links/properties/upload/properties/href",
			found:   "string",
			with:    map[string]any{"type": "string"},
			why:     "an example URL where a property schema belongs (a response schema)",
		},
	}
}

// loadSpec loads the OpenAPI document, repaired as specRepairs says, with
// every internal $ref resolved; it skips the test when the document is
// absent.
func loadSpec(tb testing.TB) *openapi3.T {
	tb.Helper()
	path := filepath.Join(specDir(), specFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skipf("OpenAPI document %q not found; set CHECKOUT_API_SPEC_DIR to a directory holding %s (Checkout.com's API reference as at https://api-reference.checkout.com/swagger.json) to check the probes against it", path, specFile)
	}
	if err != nil {
		tb.Fatalf("reading the OpenAPI document: %v", err)
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		tb.Fatalf("%s is not JSON: %v", path, err)
	}
	dropResponses(raw)
	for _, r := range specRepairs() {
		if err := r.apply(raw); err != nil {
			tb.Fatalf("repairing %s: %v (known defect: %s); update specRepairs", path, err, r.why)
		}
	}
	if data, err = json.Marshal(raw); err != nil {
		tb.Fatalf("re-encoding the repaired document: %v", err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(data) // external $refs stay disallowed: nothing is fetched
	if err != nil {
		tb.Fatalf("loading %s with kin-openapi: %v", path, err)
	}
	return doc
}

// dropResponses deletes the responses of every operation of doc. Probes
// are requests: their answers are classified elsewhere, never validated
// against the document, whose response headers are defective throughout
// (44 header schemas that are $refs to header objects, which kin-openapi
// refuses to load).
func dropResponses(doc map[string]any) {
	paths, _ := doc["paths"].(map[string]any)
	for _, item := range paths {
		item, _ := item.(map[string]any)
		for _, op := range item {
			if op, ok := op.(map[string]any); ok {
				delete(op, "responses")
			}
		}
	}
}

// apply finds r's defect in doc and replaces or deletes it.
func (r specRepair) apply(doc map[string]any) error {
	keys := strings.Split(strings.TrimPrefix(r.pointer, "/"), "/")
	parent := doc
	for _, k := range keys[:len(keys)-1] {
		next, ok := parent[k].(map[string]any)
		if !ok {
			return fmt.Errorf("%s: no object at %q", r.pointer, k)
		}
		parent = next
	}
	last := keys[len(keys)-1]
	got, ok := parent[last]
	if !ok {
		return fmt.Errorf("%s is absent: the known defect (a %s) is gone", r.pointer, r.found)
	}
	if kind := fmt.Sprintf("%T", got); kind != r.found {
		return fmt.Errorf("%s is a %s, not the known defect (a %s)", r.pointer, kind, r.found)
	}
	if r.with == nil {
		delete(parent, last)
	} else {
		parent[last] = r.with
	}
	return nil
}

// Package gen turns the SDK method tables of the Checkout.com reference data
// (sdk-methods/*.json) and the previous platform's operations
// (abc_operations.json) into the Go source of package discover's generated
// tables (zz_sdk.go). It is the library behind the sdkgen command and is
// called in-process by discover's staleness test, so both produce the same
// bytes from the same inputs.
package gen

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
)

// Inputs are the raw bytes of the source documents.
type Inputs struct {
	// SDKs maps an SDK name ("node", "python", "php", "dotnet", "java",
	// "go", "ruby") to the bytes of its sdk-methods/<name>.json. Required:
	// every name in Names must be present.
	SDKs map[string][]byte
	// ABCOperations is abc_operations.json; required.
	ABCOperations []byte
}

// Names are the SDKs the generator reads, in output order.
var Names = []string{"node", "python", "php", "dotnet", "java", "go", "ruby"}

// Endpoint is one HTTP request an SDK method makes.
type Endpoint struct{ Method, Path, Host string }

// Method is one (SDK, accessor, platform, method name) with the requests it
// makes. It mirrors discover's sdkMethod.
type Method struct {
	SDK       string
	Accessor  string // normalised: "payments", "issuing.cards", "getPaymentsClient", "PaymentsClient"
	Name      string // the name user code calls
	Platform  string // "nas", "abc" or "both"
	Type      string // the client's type for typed declarations; "" when the SDK has none worth matching
	Endpoints []Endpoint
}

// Root is the type an SDK's builder returns for one platform.
type Root struct{ SDK, Platform, Type string }

// SDK records one SDK's identity.
type SDK struct{ Name, Version, SHA string }

// Tables is everything the generated file records.
type Tables struct {
	SDKs    []SDK
	ABCSHA  string
	Methods []Method
	Roots   []Root
	ABC     []Endpoint
}

// Generate returns the gofmt'ed source of zz_sdk.go for in.
func Generate(in Inputs) ([]byte, error) {
	t, err := Build(in)
	if err != nil {
		return nil, err
	}
	return Render(t)
}

// Build reads the inputs into Tables, sorted.
func Build(in Inputs) (Tables, error) {
	var t Tables
	for _, name := range Names {
		data, ok := in.SDKs[name]
		if !ok {
			return Tables{}, fmt.Errorf("sdk-methods/%s.json was not given", name)
		}
		rows, err := readRows(data)
		if err != nil {
			return Tables{}, fmt.Errorf("reading sdk-methods/%s.json: %w", name, err)
		}
		sdk := SDK{Name: name, SHA: digest(data)}
		methods, roots, version, err := convert(name, rows)
		if err != nil {
			return Tables{}, fmt.Errorf("sdk-methods/%s.json: %w", name, err)
		}
		sdk.Version = version
		t.SDKs = append(t.SDKs, sdk)
		t.Methods = append(t.Methods, methods...)
		t.Roots = append(t.Roots, roots...)
	}
	if in.ABCOperations == nil {
		return Tables{}, fmt.Errorf("abc_operations.json was not given")
	}
	abc, err := readABC(in.ABCOperations)
	if err != nil {
		return Tables{}, fmt.Errorf("reading abc_operations.json: %w", err)
	}
	t.ABC, t.ABCSHA = abc, digest(in.ABCOperations)
	slices.SortFunc(t.Methods, func(a, b Method) int {
		return cmp.Or(cmp.Compare(a.SDK, b.SDK), cmp.Compare(a.Accessor, b.Accessor), cmp.Compare(a.Platform, b.Platform), cmp.Compare(a.Name, b.Name))
	})
	slices.SortFunc(t.Roots, func(a, b Root) int {
		return cmp.Or(cmp.Compare(a.SDK, b.SDK), cmp.Compare(a.Platform, b.Platform), cmp.Compare(a.Type, b.Type))
	})
	t.Roots = slices.Compact(t.Roots)
	return t, nil
}

func digest(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// trimPrefixes removes the first prefix of prefixes that s has.
func trimPrefixes(s string, prefixes ...string) string {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest
		}
	}
	return s
}

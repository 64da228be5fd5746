package discover

import "strings"

// sdkIndex answers questions about the generated SDK tables.
type sdkIndex struct {
	methods   map[methodKey][]sdkEndpoint
	accessors map[accessorKey]bool
	// types maps a fully qualified SDK type to the value a declaration of
	// that type holds.
	types map[string]value
	// simpleTypes maps an SDK's unqualified type names to their fully
	// qualified ones ("PaymentsClient" → both Java packages).
	simpleTypes map[string][]string
	// typeNames holds, per SDK, the unqualified names of its types: a
	// cheap first test before a name is resolved.
	typeNames map[string]map[string]bool
	abc       []sdkEndpoint
}

type methodKey struct{ sdk, accessor, platform, name string }
type accessorKey struct{ sdk, accessor string }

func newSDKIndex() *sdkIndex {
	ix := &sdkIndex{
		methods:     map[methodKey][]sdkEndpoint{},
		accessors:   map[accessorKey]bool{},
		types:       map[string]value{},
		simpleTypes: map[string][]string{},
		typeNames:   map[string]map[string]bool{},
		abc:         generatedABCOperations(),
	}
	for _, m := range generatedSDKMethods() {
		ix.methods[methodKey{m.SDK, m.Accessor, m.Platform, m.Name}] = m.Endpoints
		ix.accessors[accessorKey{m.SDK, m.Accessor}] = true
		// "issuing.cards" makes "issuing" an accessor too.
		for a := m.Accessor; strings.Contains(a, "."); {
			a = a[:strings.LastIndexByte(a, '.')]
			ix.accessors[accessorKey{m.SDK, a}] = true
		}
		if m.Type != "" {
			ix.addType(m.SDK, m.Type, value{kind: kClient, sdk: m.SDK, platform: m.Platform, accessor: m.Accessor})
		}
	}
	for _, r := range generatedSDKRoots() {
		ix.addType(r.SDK, r.Type, value{kind: kRoot, sdk: r.SDK, platform: r.Platform})
	}
	return ix
}

// addType records a type; a type shared by both platforms (a client class
// the previous platform reuses) keeps the current platform.
func (ix *sdkIndex) addType(sdk, fqn string, v value) {
	if old, ok := ix.types[fqn]; ok && old.platform == "nas" {
		return
	}
	if _, ok := ix.types[fqn]; !ok {
		simple := fqn[lastSep(fqn)+1:]
		ix.simpleTypes[sdk+" "+simple] = append(ix.simpleTypes[sdk+" "+simple], fqn)
		if ix.typeNames[sdk] == nil {
			ix.typeNames[sdk] = map[string]bool{}
		}
		ix.typeNames[sdk][simple] = true
	}
	ix.types[fqn] = v
}

// lastSep is the index of the last '.', '\\' or "::" separator of a
// qualified name, or -1.
func lastSep(name string) int {
	return strings.LastIndexAny(name, `.\:`)
}

// isAccessor reports whether accessor names a client of sdk.
func (ix *sdkIndex) isAccessor(sdk, accessor string) bool {
	return ix.accessors[accessorKey{sdk, accessor}]
}

// method returns the endpoints of a client method, trying the client's
// platform first and then the other (a type both platforms share).
func (ix *sdkIndex) method(sdk, accessor, platform, name string) (eps []sdkEndpoint, foundPlatform string) {
	for _, p := range []string{platform, "nas", "abc", "both"} {
		if eps, ok := ix.methods[methodKey{sdk, accessor, p, name}]; ok {
			return eps, p
		}
	}
	return nil, ""
}

package gen

import (
	"fmt"
	"io/fs"
)

// ReadInputs reads the generator's inputs from a directory laid out like
// the reference data: sdk-methods/<name>.json for every name in Names, and
// abc_operations.json.
func ReadInputs(dir fs.FS) (Inputs, error) {
	in := Inputs{SDKs: map[string][]byte{}}
	for _, name := range Names {
		b, err := fs.ReadFile(dir, "sdk-methods/"+name+".json")
		if err != nil {
			return Inputs{}, fmt.Errorf("reading the %s SDK table: %w", name, err)
		}
		in.SDKs[name] = b
	}
	b, err := fs.ReadFile(dir, "abc_operations.json")
	if err != nil {
		return Inputs{}, fmt.Errorf("reading the previous platform's operations: %w", err)
	}
	in.ABCOperations = b
	return in, nil
}

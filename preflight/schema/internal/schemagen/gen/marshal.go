package gen

import "encoding/json"

// marshal is the default renderer: encoding/json.
func marshal(v any) ([]byte, error) { return json.Marshal(v) }

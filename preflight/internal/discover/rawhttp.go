package discover

// wrapper is a function of the file that sends a request to a
// Checkout.com URL built from one of its parameters.
type wrapper struct{}

func (a *analyzer) findWrappers() {}

func (a *analyzer) newHTTPClient(name string, at, args, end int) (value, bool) { return value{}, false }

func (a *analyzer) httpMember(v value, name string, n int, call bool) {}

func (a *analyzer) rawHTTP() {}

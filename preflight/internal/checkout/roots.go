package checkout

import (
	"crypto/x509"
	"sync"

	"golang.org/x/crypto/x509roots/fallback/bundle"
)

// InstallFallbackRoots makes crypto/x509 verify with the certificate
// bundle embedded in the binary (golang.org/x/crypto/x509roots/fallback)
// when the system has no roots of its own, as in a container without a
// certificate store; with system roots it changes nothing. It loads the
// system roots to find out (once per process, as crypto/tls would at the
// first handshake) and may be called any number of times.
//
// Importing golang.org/x/crypto/x509roots/fallback would do the same at
// init, parsing the whole bundle (3 ms, 650 kB) before main on every start,
// version and --help included, whether the system has roots or not. Here
// the client's background root loader calls it, off the critical path.
func InstallFallbackRoots() { installFallback() }

// installFallback is process-wide, as the crypto/x509 state it sets:
// x509.SetFallbackRoots panics when called twice.
var installFallback = sync.OnceFunc(func() {
	if pool, err := x509.SystemCertPool(); err == nil && !pool.Equal(x509.NewCertPool()) {
		return
	}
	x509.SetFallbackRoots(bundlePool())
})

// bundlePool parses the embedded bundle, with the constraints it gives
// some roots. A certificate that does not parse (the bundle is generated
// and tested upstream) is skipped.
func bundlePool() *x509.CertPool {
	p := x509.NewCertPool()
	for r := range bundle.Roots() {
		cert, err := x509.ParseCertificate(r.Certificate)
		if err != nil {
			continue
		}
		if r.Constraint == nil {
			p.AddCert(cert)
		} else {
			p.AddCertWithConstraint(cert, r.Constraint)
		}
	}
	return p
}

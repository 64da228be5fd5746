package checkout

import (
	"context"
	"crypto/x509"
	"io/fs"
	"path/filepath"
	"strings"
)

// rootPool loads the certificate roots of a client in the background, so
// that the first TLS handshake does not wait for the system store to be
// read and parsed (16–26 ms on a runner, paid at the first handshake when
// crypto/tls loads it lazily).
type rootPool struct {
	done chan struct{}
	// pool is the roots to verify servers with once done is closed; nil
	// means crypto/tls's default, the system roots (or the embedded
	// fallback bundle when the system has none), which the loading has
	// then parsed already.
	pool *x509.CertPool
}

// loadRoots starts loading the roots: the system's (x509.SystemCertPool
// gives the embedded golang.org/x/crypto/x509roots/fallback bundle when the
// system has none), plus every certificate in the PEM file named by
// SSL_CERT_FILE and in the files of the directories named by SSL_CERT_DIR
// (colon-separated), both read through getenv. Unreadable files and
// non-certificate blocks are skipped, as the system loader does.
func loadRoots(getenv func(string) string, readFile func(string) ([]byte, error), readDir func(string) ([]fs.DirEntry, error)) *rootPool {
	var file, dirs string
	if getenv != nil {
		file, dirs = getenv("SSL_CERT_FILE"), getenv("SSL_CERT_DIR")
	}
	r := &rootPool{done: make(chan struct{})}
	go func() {
		defer close(r.done)
		r.pool = extendedRoots(file, dirs, readFile, readDir)
	}()
	return r
}

// extendedRoots parses the system roots and returns them with the
// certificates of file and dirs added, or nil (the system roots as they
// are) when both are empty.
func extendedRoots(file, dirs string, readFile func(string) ([]byte, error), readDir func(string) ([]fs.DirEntry, error)) *x509.CertPool {
	InstallFallbackRoots()
	system, err := x509.SystemCertPool() // parsed once per process, by InstallFallbackRoots
	if file == "" && dirs == "" {
		return nil
	}
	if err != nil || system == nil {
		system = x509.NewCertPool()
	}
	if file != "" {
		if pem, err := readFile(file); err == nil {
			system.AppendCertsFromPEM(pem)
		}
	}
	for _, dir := range strings.Split(dirs, ":") {
		if dir == "" {
			continue
		}
		entries, err := readDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			if pem, err := readFile(filepath.Join(dir, e.Name())); err == nil {
				system.AppendCertsFromPEM(pem)
			}
		}
	}
	return system
}

// wait returns the roots once loaded (nil: crypto/tls's default), or
// ctx's error if it ends first.
func (r *rootPool) wait(ctx context.Context) (*x509.CertPool, error) {
	select {
	case <-r.done:
		return r.pool, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

package checkout

// The fallback roots let TLS verification work in a container without a
// system certificate store (a scratch image); they are used only when the
// system has no roots of its own.
import _ "golang.org/x/crypto/x509roots/fallback"

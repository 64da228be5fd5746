package simulator

import (
	"slices"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// principalKind is how a request authenticated.
type principalKind int

const (
	viaNothing     principalKind = iota // not authenticated
	viaSecretKey                        // current-platform secret key, Bearer
	viaPreviousKey                      // previous-platform secret key, raw
	viaPublicKey                        // public key, either platform
	viaToken                            // access token issued by this server
)

// principal is who a request is. cred is set whenever the Authorization
// value named a known credential, even when authentication then failed
// (revoked, or sent the wrong way), so that records can name it.
type principal struct {
	cred   *Credential
	via    principalKind
	scopes []string // the token's scopes for viaToken, else cred.Scopes
}

func (p principal) name() string {
	if p.cred == nil {
		return ""
	}
	return p.cred.Name
}

// authenticate resolves an Authorization header value. Current-platform
// keys must come as "Bearer <key>", previous-platform keys raw; access
// tokens as "Bearer <token>". Anything else, and revoked credentials,
// give via == viaNothing.
func (s *Server) authenticate(authorization string) principal {
	v := strings.TrimSpace(authorization)
	if v == "" {
		return principal{}
	}
	scheme, rest, _ := strings.Cut(v, " ")
	bearer := strings.EqualFold(scheme, "Bearer")
	if bearer {
		v = strings.TrimSpace(rest)
	}
	if c := s.keys[v]; c != nil {
		k := classifyKey(c.SecretKey)
		if c.Revoked || k.previous == bearer {
			return principal{cred: c}
		}
		switch {
		case k.public:
			return principal{cred: c, via: viaPublicKey}
		case k.previous:
			return principal{cred: c, via: viaPreviousKey, scopes: c.Scopes}
		default:
			return principal{cred: c, via: viaSecretKey, scopes: c.Scopes}
		}
	}
	if !bearer {
		return principal{}
	}
	claims, ok := s.verifyToken(v)
	if !ok {
		return principal{}
	}
	c := s.clients[claims.ClientID]
	if c == nil || c.Revoked {
		return principal{cred: c}
	}
	return principal{cred: c, via: viaToken, scopes: claims.Scope}
}

// verdict is the outcome of authorize.
type verdict int

const (
	allowed         verdict = iota
	unauthenticated         // 401: the credential cannot authenticate here at all
	missingScope            // Options.MissingScopeStatus
)

// authorize decides whether p may call op:
//   - unknown security (op.Security nil): any secret key or access token;
//   - public keys: only operations accepting ApiPublicKey, else 401;
//   - previous-platform secret keys: any operation accepting ApiSecretKey
//     or OAuth, scopes ignored;
//   - current-platform secret keys: the operation must accept ApiSecretKey
//     or OAuth, and the key's scopes must satisfy the operation's OAuth
//     scopes (or, when it lists none, its ApiSecretKey scopes; when it lists
//     neither, the key alone suffices);
//   - access tokens: the operation must accept OAuth and the token's scopes
//     must satisfy its OAuth scopes (if it lists any).
//
// An accepted kind with a missing scope, and a kind the operation does not
// accept (other than public keys), is missingScope; scopes are then the
// alternatives the credential's kind needed (nil when it needed none), for
// Options.MissingScopeChallenge.
func authorize(p principal, op catalog.Operation) (v verdict, scopes []string) {
	if p.via == viaPublicKey {
		if accepts(op, catalog.SchemePublicKey) {
			return allowed, nil
		}
		return unauthenticated, nil
	}
	if op.Security == nil {
		return allowed, nil
	}
	oauth := accepts(op, catalog.SchemeOAuth)
	secret := accepts(op, catalog.SchemeSecretKey)
	scopes = op.Scopes()
	switch p.via {
	case viaPreviousKey:
		if oauth || secret {
			return allowed, nil
		}
	case viaSecretKey:
		if !oauth && !secret {
			break
		}
		if len(scopes) == 0 {
			scopes = schemeScopes(op, catalog.SchemeSecretKey)
		}
		if len(scopes) == 0 || catalog.Satisfies(p.scopes, scopes) {
			return allowed, nil
		}
	case viaToken:
		if oauth && (len(scopes) == 0 || catalog.Satisfies(p.scopes, scopes)) {
			return allowed, nil
		}
	}
	return missingScope, scopes
}

// accepts reports whether op's security lists scheme.
func accepts(op catalog.Operation, scheme catalog.Scheme) bool {
	return slices.ContainsFunc(op.Security, func(r catalog.Requirement) bool { return r.Scheme == scheme })
}

// schemeScopes returns the scopes listed under scheme, deduplicated.
func schemeScopes(op catalog.Operation, scheme catalog.Scheme) []string {
	var out []string
	for _, r := range op.Security {
		if r.Scheme != scheme {
			continue
		}
		for _, sc := range r.Scopes {
			if !slices.Contains(out, sc) {
				out = append(out, sc)
			}
		}
	}
	return out
}

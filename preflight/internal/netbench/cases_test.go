package netbench

import (
	"fmt"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/command"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// endpoints are the 30 endpoints every credential declares: 14 reads and
// 16 writes over the gateway, vault, disputes, reports, financial-actions,
// fx, balances and accounts families.
func endpoints() []string {
	return []string{
		"POST /payments", "GET /payments", "GET /payments/{id}", "GET /payments/{id}/actions",
		"POST /payments/{id}/authorizations", "POST /payments/{id}/captures",
		"POST /payments/{id}/refunds", "POST /payments/{id}/voids",
		"POST /customers", "GET /customers/{identifier}", "PATCH /customers/{identifier}", "DELETE /customers/{identifier}",
		"POST /instruments", "GET /instruments/{id}", "PATCH /instruments/{id}", "DELETE /instruments/{id}",
		"GET /disputes", "GET /disputes/{dispute_id}", "POST /disputes/{dispute_id}/accept",
		"GET /disputes/{dispute_id}/evidence", "POST /disputes/{dispute_id}/evidence", "PUT /disputes/{dispute_id}/evidence",
		"GET /disputes/{dispute_id}/schemefiles",
		"GET /reports", "GET /reports/{id}", "GET /financial-actions", "GET /forex/rates",
		"GET /balances/{id}", "POST /metadata/card", "POST /accounts/entities",
	}
}

// allScopes grant all 30 endpoints; partialScopes lack disputes:view and
// reports, so that an access key asking for every scope its endpoints need
// is answered invalid_scope.
var (
	allScopes = []string{"accounts", "balances", "disputes", "files", "financial-actions", "fx", "gateway",
		"issuing", "marketplace", "payouts", "reports", "risk", "sessions", "transfers", "vault"}
	partialScopes = []string{"accounts", "balances", "disputes:accept", "disputes:provide-evidence", "disputes:scheme-files",
		"financial-actions", "fx", "gateway", "vault"}
)

// secretKey returns an obviously fake sandbox key in the real format; tag
// is base32 (a-z, 2-7), at most 26 characters.
func secretKey(tag string) string { return "sk_sbox_" + tag + strings.Repeat("a", 26-len(tag)) + "q" }

// accessKey returns an obviously fake OAuth access key and its secret.
func accessKey(tag string) (id, secret string) {
	return "ack_" + tag + strings.Repeat("a", 26-len(tag)), "netbench-secret-" + tag
}

// credential is one credential of a case: what the simulator knows, and
// how the program is given it.
type credential struct {
	sim simulator.Credential
	// env names the variables holding it in a config file; empty for the
	// single credential of a command line (CKO_SECRET_KEY, CKO_CLIENT_ID…).
	keyEnv, idEnv, secretEnv string
}

// benchCase is one run the benchmark measures.
type benchCase struct {
	name  string
	creds []credential
	// config is true when the credentials come from a config file.
	config   bool
	wantCode int
}

func cases() []benchCase {
	id, secret := accessKey("netfull")
	pid, psecret := accessKey("netpartial")
	return []benchCase{
		{name: "secret-key-30", creds: []credential{{sim: simulator.Credential{Name: "full", SecretKey: secretKey("netfull"), Scopes: allScopes}}}, wantCode: command.ExitOK},
		{name: "oauth-30", creds: []credential{{sim: simulator.Credential{Name: "full", ClientID: id, ClientSecret: secret, Scopes: allScopes}}}, wantCode: command.ExitOK},
		{name: "oauth-30-invalid-scope", creds: []credential{{sim: simulator.Credential{Name: "partial", ClientID: pid, ClientSecret: psecret, Scopes: partialScopes}}}, wantCode: command.ExitFailed},
		{name: "config-20x30", creds: twentyCredentials(), config: true, wantCode: command.ExitFailed},
	}
}

// twentyCredentials are 15 secret keys (five with every scope, five
// payments-only, five vault and payments) and 5 access keys (one refused
// two scopes), as a config file of a large monorepo might declare.
func twentyCredentials() []credential {
	var out []credential
	keyScopes := [][]string{allScopes, {"gateway"}, {"gateway", "vault", "accounts", "balances", "fx"}}
	for i := range 15 {
		tag := fmt.Sprintf("netkey%c", 'a'+i)
		out = append(out, credential{
			sim:    simulator.Credential{Name: fmt.Sprintf("key-%02d", i+1), SecretKey: secretKey(tag), Scopes: keyScopes[i%3]},
			keyEnv: fmt.Sprintf("CKO_KEY_%02d", i+1),
		})
	}
	for i := range 5 {
		id, secret := accessKey(fmt.Sprintf("netack%c", 'a'+i))
		scopes := allScopes
		if i == 4 {
			scopes = partialScopes
		}
		out = append(out, credential{
			sim:   simulator.Credential{Name: fmt.Sprintf("client-%02d", i+1), ClientID: id, ClientSecret: secret, Scopes: scopes},
			idEnv: fmt.Sprintf("CKO_CLIENT_%02d_ID", i+1), secretEnv: fmt.Sprintf("CKO_CLIENT_%02d_SECRET", i+1),
		})
	}
	return out
}

// configFile declares c's credentials, each with the 30 endpoints.
func (c benchCase) configFile() string {
	var eps strings.Builder
	for _, e := range endpoints() {
		eps.WriteString("      " + e + "\n")
	}
	var b strings.Builder
	b.WriteString("version: 1\ndefaults:\n  environment: sandbox\n  allowed-ips: [203.0.113.0/24]\ncredentials:\n")
	for _, cr := range c.creds {
		b.WriteString("  - name: " + cr.sim.Name + "\n")
		if cr.keyEnv != "" {
			b.WriteString("    secret-key-env: " + cr.keyEnv + "\n")
		} else {
			b.WriteString("    client-id-env: " + cr.idEnv + "\n    client-secret-env: " + cr.secretEnv + "\n")
		}
		b.WriteString("    endpoints: |\n" + eps.String())
	}
	return b.String()
}

// environment holds the credentials as the program reads them.
func (c benchCase) environment() map[string]string {
	env := map[string]string{}
	for _, cr := range c.creds {
		switch {
		case cr.keyEnv != "":
			env[cr.keyEnv] = cr.sim.SecretKey
		case cr.idEnv != "":
			env[cr.idEnv], env[cr.secretEnv] = cr.sim.ClientID, cr.sim.ClientSecret
		case cr.sim.SecretKey != "":
			env["CKO_SECRET_KEY"] = cr.sim.SecretKey
		default:
			env["CKO_CLIENT_ID"], env["CKO_CLIENT_SECRET"] = cr.sim.ClientID, cr.sim.ClientSecret
		}
	}
	return env
}

// flags are the program's arguments beyond the URLs.
func (c benchCase) flags(configPath string) []string {
	if c.config {
		return []string{"--config", configPath, "--format", "json"}
	}
	return []string{"--format", "json", "--environment", "sandbox", "--allowed-ips", "203.0.113.0/24",
		"--endpoints", strings.Join(endpoints(), "\n")}
}

// credentials are c's credentials as the engine takes them, for the
// sequential baseline against sim; names match the report's.
func (c benchCase) credentials(sim *simulator.Server) []spec.Credential {
	var values []config.Value
	for _, e := range endpoints() {
		values = append(values, config.Value{Text: e})
	}
	eps, _, err := config.ParseEndpoints(values)
	if err != nil {
		panic(err)
	}
	var out []spec.Credential
	for _, cr := range c.creds {
		name := cr.sim.Name
		switch {
		case c.config:
		case cr.sim.ClientID != "":
			name = config.ClientID // a credential given as inputs is named by its input
		default:
			name = config.SecretKey
		}
		out = append(out, spec.Credential{Name: name, SecretKey: cr.sim.SecretKey, ClientID: cr.sim.ClientID,
			ClientSecret: cr.sim.ClientSecret, Environment: "sandbox", Endpoints: eps,
			APIURL: sim.URL(), AuthURL: sim.TokenURL()})
	}
	return out
}

func (c benchCase) simCredentials() []simulator.Credential {
	var out []simulator.Credential
	for _, cr := range c.creds {
		out = append(out, cr.sim)
	}
	return out
}

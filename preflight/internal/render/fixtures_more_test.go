package render

import "github.com/checkout-preflight/checkout-preflight/preflight/report"

func revokedKeyReport() report.Report {
	notChecked := func(method, path string) report.Check {
		return report.Check{
			ID: report.CheckEndpointAuthorized, Status: report.StatusSkip, Title: "Not checked: " + method + " " + path,
			Message:    `"` + method + " " + path + `" was not checked: credential "default" was rejected`,
			Credential: "default", Endpoint: method + " " + path,
		}
	}
	r := base(report.ResultFail,
		pass(report.CheckConfig, "Configuration is valid", `read 2 endpoints from input "endpoints"`),
		pass(report.CheckCredentialFormat, "Credential format", `credential "default" is a sandbox secret key`),
		report.Check{
			ID: report.CheckCredentialActive, Status: report.StatusFail, Title: "Credential rejected",
			Message:    `Checkout.com rejected credential "default" ("sk_sbox_…w3f8") with HTTP 401: the key is revoked, deleted or from another account`,
			Remedy:     `create a new secret key in the sandbox Dashboard (Developers › Keys) and store it in secret "CKO_SECRET_KEY"`,
			Credential: "default", Position: at(workflow, 12, 23),
		},
		notChecked("POST", "/payments"),
		notChecked("POST", "/payments/{id}/captures"),
		pass(report.CheckEgressDiscovered, "Egress address found", `the runner's egress address is "203.0.113.7"`),
	)
	r.Credentials = []report.Credential{{
		Name: "default", Kind: "secret_key", Environment: "sandbox", Fingerprint: "sk_sbox_…w3f8", Active: ptr(false),
		Endpoints: []report.Endpoint{
			endpoint("POST", "/payments", "/payments", scopesPayment(), report.EndpointNotChecked, 0, "", nil),
			endpoint("POST", "/payments/{id}/captures", "/payments/{id}/captures",
				[]string{"gateway", "gateway:payment-captures"}, report.EndpointNotChecked, 0, "", nil),
		},
	}}
	r.Egress = &report.Egress{IPv4: "203.0.113.7", Sources: []report.EgressSource{{URL: "https://api.ipify.org", IP: "203.0.113.7"}}}
	return r
}

func oauthMissingScopeReport() report.Report {
	remedy := `add scope "gateway:payment-refunds" to access key "ack_…m2q6" in the Dashboard (Developers › Access keys), then re-run the job`
	r := base(report.ResultFail,
		pass(report.CheckConfig, "Configuration is valid", `read 2 endpoints from input "endpoints"`),
		pass(report.CheckCredentialFormat, "Credential format", `credential "default" is a sandbox OAuth access key`),
		pass(report.CheckCredentialActive, "Credential is active", `Checkout.com issued an access token for credential "default"`),
		report.Check{
			ID: report.CheckScopesGranted, Status: report.StatusFail, Title: "Missing scope: gateway:payment-refunds",
			Message:    `the access token of credential "default" lacks scope "gateway:payment-refunds"; it carries "gateway:payment", "gateway:payment-details", "vault"`,
			Remedy:     remedy,
			Credential: "default", Position: at(workflow, 13, 23),
			Detail: "granted:  gateway:payment gateway:payment-details vault\n" +
				"needed:   gateway:payment-refunds (or gateway) for POST /payments/{id}/refunds\n",
		},
		pass(report.CheckEndpointAuthorized, "Authorized: POST /payments", `credential "default" may call "POST /payments"`),
		report.Check{
			ID: report.CheckEndpointAuthorized, Status: report.StatusFail, Title: "Missing scope: POST /payments/{id}/refunds",
			Message:    `credential "default" cannot call "POST /payments/{id}/refunds": its token has neither "gateway" nor "gateway:payment-refunds"`,
			Remedy:     remedy,
			Credential: "default", Endpoint: "POST /payments/{id}/refunds", Position: at(workflow, 17, 13),
		},
	)
	refunds := endpoint("POST", "/payments/{id}/refunds", "/payments/{id}/refunds", scopesRefunds(), report.EndpointMissingScope, 0,
		`the token's scopes include neither "gateway" nor "gateway:payment-refunds", so it was not probed`, at(workflow, 17, 13))
	refunds.MissingScopes = []string{"gateway:payment-refunds"}
	r.Credentials = []report.Credential{{
		Name: "default", Kind: "oauth", Environment: "sandbox", Fingerprint: "ack_…m2q6", Active: ptr(true),
		GrantedScopes: []string{"gateway:payment", "gateway:payment-details", "vault"},
		MissingScopes: []string{"gateway:payment-refunds"},
		Endpoints: []report.Endpoint{
			authorized("POST", "/payments", scopesPayment(), 422, 16),
			refunds,
		},
	}}
	return r
}

func egressNotAllowedReport() report.Report {
	r := base(report.ResultFail,
		pass(report.CheckConfig, "Configuration is valid", `read 1 endpoint and 2 allowlist entries from inputs`),
		pass(report.CheckCredentialFormat, "Credential format", `credential "default" is a production secret key`),
		pass(report.CheckCredentialActive, "Credential is active", `Checkout.com accepted credential "default"`),
		pass(report.CheckEndpointAuthorized, "Authorized: POST /payments", `credential "default" may call "POST /payments"`),
		pass(report.CheckEgressDiscovered, "Egress address found", `2 of 3 echo services agree the egress address is "198.51.100.23"`),
		report.Check{
			ID: report.CheckEgressAllowed, Status: report.StatusFail, Title: "Egress address not allowed",
			Message:  `egress address "198.51.100.23" is not on the allowlist; it accepts "203.0.113.0/24", "192.0.2.10"`,
			Remedy:   `add "198.51.100.23" to the IP allowlist in the Dashboard and to input "allowlist", or run the job where the egress address is fixed`,
			Position: at(workflow, 18, 20),
		},
		report.Check{
			ID: report.CheckEgressHostedRunner, Status: report.StatusWarn, Title: "Allowlist on a GitHub-hosted runner",
			Message: `runner "GitHub Actions 12" is GitHub-hosted, and its egress address changes from job to job`,
			Remedy:  `use a self-hosted runner, a larger runner with a static IP, or a proxy with a fixed address ("HTTPS_PROXY")`,
		},
	)
	r.Credentials = []report.Credential{{
		Name: "default", Kind: "secret_key", Environment: "production", Fingerprint: "sk_…x9d4", Active: ptr(true),
		Endpoints: []report.Endpoint{authorized("POST", "/payments", scopesPayment(), 422, 15)},
	}}
	r.Egress = &report.Egress{
		IPv4: "198.51.100.23", IPv6: "2001:db8::23", Allowed: ptr(false),
		Allowlist: []string{"203.0.113.0/24", "192.0.2.10"},
		Sources: []report.EgressSource{
			{URL: "https://api.ipify.org", IP: "198.51.100.23"},
			{URL: "https://icanhazip.com", IP: "198.51.100.23"},
			{URL: "https://checkip.amazonaws.com", Error: "no answer within 5s"},
		},
	}
	return r
}

func inconclusiveNetworkReport() report.Report {
	unreachable := func(method, path string) report.Check {
		return report.Check{
			ID: report.CheckEndpointAuthorized, Status: report.StatusInconclusive, Title: "Not verified: " + method + " " + path,
			Message:    `"` + method + " " + path + `" could not be checked: "api.sandbox.checkout.com" did not answer after 3 attempts`,
			Remedy:     `re-run the job; if it keeps happening, check the runner's network and "https://status.checkout.com"`,
			Credential: "default", Endpoint: method + " " + path,
		}
	}
	r := base(report.ResultInconclusive,
		pass(report.CheckConfig, "Configuration is valid", `read 2 endpoints from input "endpoints"`),
		pass(report.CheckCredentialFormat, "Credential format", `credential "default" is a sandbox secret key`),
		report.Check{
			ID: report.CheckCredentialActive, Status: report.StatusInconclusive, Title: "Credential not verified",
			Message:    `could not reach "api.sandbox.checkout.com" to verify credential "default": dial tcp: i/o timeout`,
			Remedy:     `check the runner's network and proxy settings ("HTTPS_PROXY", "NO_PROXY"), then re-run the job`,
			Credential: "default",
			Detail: "attempt 1: dial tcp 192.0.2.80:443: i/o timeout (after 5s)\n" +
				"attempt 2: dial tcp 192.0.2.80:443: i/o timeout (after 5s)\n" +
				"attempt 3: dial tcp 192.0.2.80:443: i/o timeout (after 5s)\n",
		},
		unreachable("POST", "/payments"),
		unreachable("GET", "/payments/{id}"),
		report.Check{
			ID: report.CheckEgressDiscovered, Status: report.StatusInconclusive, Title: "Egress address unknown",
			Message: `none of 2 echo services answered, so the allowlist could not be checked`,
			Remedy:  `allow outbound HTTPS from the runner to "api.ipify.org" or "checkip.amazonaws.com", then re-run the job`,
		},
	)
	timeout := func(method, path string, scopes []string, code int) report.Endpoint {
		e := endpoint(method, path, path, scopes, report.EndpointInconclusive, code,
			`no usable answer from "api.sandbox.checkout.com" after 3 attempts`, nil)
		e.Attempts = 3
		return e
	}
	r.Credentials = []report.Credential{{
		Name: "default", Kind: "secret_key", Environment: "sandbox", Fingerprint: "sk_sbox_…k7q2",
		Endpoints: []report.Endpoint{
			timeout("POST", "/payments", scopesPayment(), 503),
			timeout("GET", "/payments/{id}", scopesDetails(), 0),
		},
	}}
	r.Egress = &report.Egress{
		Allowlist: []string{"203.0.113.0/24"},
		Sources: []report.EgressSource{
			{URL: "https://api.ipify.org", Error: "dial tcp: i/o timeout"},
			{URL: "https://checkip.amazonaws.com", Error: "dial tcp: i/o timeout"},
		},
	}
	return r
}

func skippedForkReport() report.Report {
	r := base(report.ResultSkipped, report.Check{
		ID: report.CheckCredentialPresent, Status: report.StatusSkip, Title: "Skipped: no credential",
		Message:  `no credential: secret "CKO_SECRET_KEY" is empty, as GitHub leaves secrets out of pull requests from forks`,
		Position: at(workflow, 12, 23),
	})
	r.DurationMS = 3
	return r
}

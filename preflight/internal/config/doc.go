// Package config turns the configuration a user writes — action inputs, CLI
// flags and the YAML file .github/checkout-preflight.yml — into values that
// remember where they were written, so that every problem can be reported as
// file:line:col and annotated on the right line.
//
// The pieces, from small to large:
//
//   - [SplitList] splits a list written as lines and/or commas, with "#"
//     comments, into [Value]s carrying positions.
//   - [ParseEndpoint], [ParseEndpoints] and [ParseScopes] check the syntax of
//     endpoint lines ("POST /payments") and scope names ("gateway:payment").
//     Whether an endpoint or scope exists is for package catalog to say.
//   - [Parse] and [Load] read the config file and validate it, collecting
//     every problem as an [*Error] joined with errors.Join; [Errors] takes
//     them apart again.
//   - [WorkflowFile], [FindInput] and [LocateInput] find, in the workflow
//     that runs the action, where an input such as "endpoints" was written,
//     so that findings about action inputs point at the workflow's "with:"
//     block.
//
// # The config file
//
// .github/checkout-preflight.yml (see [DefaultPath]) holds one YAML
// document of at most 1 MiB:
//
//	version: 1                  # required; the only version there is
//	defaults:                   # optional
//	  environment: auto         # auto (from the key), sandbox or production
//	  prefix: ""                # merchant prefix of the API URLs, [a-z0-9]+
//	  allowed-ips: |            # addresses or CIDR ranges, or a YAML list
//	    203.0.113.0/24
//	  timeout: 30s              # a Go duration, more than zero
//	credentials:                # required, at least one
//	  - name: payments-service  # required, unique: letters, digits, . _ -
//	    secret-key-env: CKO_PAYMENTS_SECRET_KEY  # a variable NAME, never a key
//	    environment: sandbox    # optional, overrides defaults
//	    prefix: 1a2b3c4d        # optional, overrides defaults
//	    endpoints: |            # "METHOD /path" lines, or a list of strings
//	      POST /payments
//	      POST /payments/{id}/refunds
//	    scopes: [gateway:payment]  # scope names the credential must hold
//	  - name: disputes-bot      # an OAuth client: both variables
//	    client-id-env: CKO_DISPUTES_CLIENT_ID
//	    client-secret-env: CKO_DISPUTES_CLIENT_SECRET
//	    endpoints: [GET /disputes]
//
// Lists (allowed-ips, endpoints, scopes) may be written as a YAML list, as a
// literal block ("|"), or on one line; in every form items may also be
// separated by commas and followed by "#" comments. A key written with no
// value counts as not written. Aliases ("*name") and merge keys ("<<") are
// refused, as are unknown and repeated keys.
//
// Columns count characters (Unicode code points), as go.yaml.in/yaml/v3
// does; a tab counts as one column. Lines break at LF, CRLF and CR.
//
// Nothing in this package reads the environment, the file system or a
// secret's value: [Load] takes the function that reads files, and whether an
// environment variable named by the config is set is checked by the caller
// (see [Credential.EnvNames]).
package config

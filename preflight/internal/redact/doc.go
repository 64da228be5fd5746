// Package redact owns the one redactor of a run: the set of every secret
// the run handles, and the removal of any piece of one from every byte the
// program writes.
//
// A Redactor is built once per run (package command does it before it
// reads any input) and is fed each secret the moment it exists: credential
// inputs, the values of the variables a config file names, client secrets,
// access tokens as they are issued, and the passwords of proxy and
// override URLs. Everything the program writes — stdout, stderr, debug
// lines, annotations, the job summary, step outputs, the report file — goes
// through a Writer (or Redactor.Bytes), so a field added to a report or a
// message is covered without anyone remembering it.
//
// A secret is recognised in every form it could take in output: raw,
// URL-encoded (query and path escaping), base64 in the standard and URL
// alphabets at any alignment, padded or not (which covers an HTTP Basic
// value holding it), and each form the output escapers passed to New
// produce (JSON strings, workflow-command data and properties, Markdown).
// Any piece of Window bytes of any form is replaced by Placeholder, so a
// secret cut short, quoted inside a longer string, or split by an escape
// is still caught. The documented public start of a credential ("sk_sbox_",
// "ack_" …) is not secret and is left alone, so fingerprints such as
// "sk_sbox_…k7q2" survive.
//
// A Writer also neutralises control characters (except newline, tab and
// the colour sequences ESC[…m that the terminal renderer writes), so no
// server text can move the cursor, retitle a terminal or hide a line.
//
// The package decides nothing about which values are secrets (its callers
// do) and never writes workflow commands (package command writes masks
// through Writer.WriteRaw, the one unredacted path).
package redact

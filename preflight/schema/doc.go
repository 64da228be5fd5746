// Package schema holds the JSON Schemas (draft 2020-12) of what users write
// and what programs read: the config file (config.schema.json, see
// [Config]) and the JSON report (report.schema.json, see [Report]). They
// are published at [ConfigID] and [ReportID], so that editors complete and
// check .github/checkout-preflight.yml (a "# yaml-language-server:
// $schema=…" line names it) and consumers of the report can validate it.
//
// config.schema.json is written by hand from package config's parser (the
// keys, types, enums and patterns it accepts); its tests check it against
// every config example in README.md and under testdata, and against every
// invalid-config golden case of the parser. report.schema.json is
// generated from package report's types by ./internal/schemagen; its
// staleness test fails when the types change without it, and every golden
// JSON report in the repository must validate against it.
//
// The package only embeds the files: it does not validate (its tests do,
// with github.com/santhosh-tekuri/jsonschema/v6) and it must not grow a
// dependency of the program's.
package schema

//go:generate go run ./internal/schemagen -report ../report -o report.schema.json

// Package spec resolves what a user asked for into one immutable run
// specification, a Run.
//
// The CLI's flags and the action's inputs arrive as Inputs (raw values by
// setting name, with their positions in the workflow when known); the
// config file arrives as a parsed *config.File. Resolve merges them —
// a credential entry of the file over an explicit flag or input, over the
// file's defaults, over the built-in default — and parses every value with
// the one parser package config has for its setting, so that a value is
// accepted or refused identically whatever its source. Every error keeps
// its position (file:line:col) or names its setting.
//
// The engine only ever sees a Run: typed, validated values, never raw
// strings. The package reads no environment and no file itself: the
// caller passes the config file and the function that reads the variables
// the file names.
package spec

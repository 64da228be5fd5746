package gen

import "time"

// The types below are a small document for the generator's tests; the
// tests also read this file as their doc comments and constants.

// Doc is a test document.
type Doc struct {
	// Version is always 3.
	Version int `json:"version"`
	// Level is how bad it is.
	Level Level `json:"level"`
	// Kind is one of the Kind* constants.
	Kind string `json:"kind"`
	// Note is optional; never empty when written.
	Note string `json:"note,omitempty"`
	// Tags is null when nil.
	Tags []string `json:"tags"`
	// Items lists the items.
	Items []Item `json:"items"`
	// Extra, when written, has an item.
	Extra []string `json:"extra,omitempty"`
	// Parent is null when nil.
	Parent *Item `json:"parent"`
	// Child is left out when nil.
	Child *Item `json:"child,omitempty"`
	// Ok is null when unknown.
	Ok *bool `json:"ok"`
	// At is when.
	At time.Time `json:"at"`
	// Ratio and Count are numbers.
	Ratio float64 `json:"ratio"`
	Count uint    `json:"count,omitzero"`
	// Labels maps names to values.
	Labels map[string]string `json:"labels,omitempty"`
	Hidden string            `json:"-"`
	secret string
}

// Item is one item.
type Item struct {
	ID   string `json:"id"`
	Seen []int  `json:"seen"`
}

// Level says how bad.
type Level string

// The levels.
const (
	LevelLow  Level = "low"  // nothing to do
	LevelHigh Level = "high" // act now
)

// Kinds of documents.
const (
	KindPlain = "plain" // an ordinary one
	KindFancy = "fancy"
	Kindness  = "not a kind" // not an upper-case letter after the prefix
)

var _ = Doc{}.secret

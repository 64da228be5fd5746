package safefile

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
)

// Write replaces the file name with data: it creates a new file
// exclusively in name's directory, writes and closes it, then renames it
// over name. Whatever was at name — a file, or a symbolic link planted to
// make the program overwrite its target — is replaced, never followed or
// truncated. The temporary file is removed on failure.
func Write(name string, data []byte, perm os.FileMode) error {
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return &Error{Path: name, Problem: "cannot be written: its directory cannot be opened", Err: err}
	}
	defer root.Close()
	tmp, err := tempName(base)
	if err != nil {
		return &Error{Path: name, Problem: "cannot be written", Err: err}
	}
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return &Error{Path: name, Problem: "cannot be written: no new file can be created beside it", Err: err}
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := firstErr(werr, cerr); err != nil {
		_ = root.Remove(tmp)
		return &Error{Path: name, Problem: "cannot be written", Err: err}
	}
	if err := root.Rename(tmp, base); err != nil {
		_ = root.Remove(tmp)
		return &Error{Path: name, Problem: "cannot be written: the new file cannot be moved into place", Err: err}
	}
	return nil
}

// tempName is a fresh, unguessable name beside base.
func tempName(base string) (string, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return "." + base + "." + hex.EncodeToString(b[:]) + ".tmp", nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

package safefile

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"path"
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
	return WriteUnder(dir, base, data, perm)
}

// WriteUnder is Write for name, a slash path relative to dir, inside dir:
// name's missing parent directories are made, and nothing on the way — a
// ".." or a symbolic link planted in dir — can lead the write out of dir.
func WriteUnder(dir, name string, data []byte, perm os.FileMode) error {
	shown := filepath.Join(dir, filepath.FromSlash(name))
	root, err := os.OpenRoot(dir)
	if err != nil {
		return &Error{Path: shown, Problem: "cannot be written: its directory cannot be opened", Err: err}
	}
	defer root.Close()
	parent, base := path.Split(name)
	if parent != "" {
		if err := root.MkdirAll(parent, 0o755); err != nil {
			return &Error{Path: shown, Problem: "cannot be written: its directory cannot be made", Err: err}
		}
	}
	tmp, err := tempName(base)
	if err != nil {
		return &Error{Path: shown, Problem: "cannot be written", Err: err}
	}
	tmp = parent + tmp
	name = parent + base
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return &Error{Path: shown, Problem: "cannot be written: no new file can be created beside it", Err: err}
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := firstErr(werr, cerr); err != nil {
		_ = root.Remove(tmp)
		return &Error{Path: shown, Problem: "cannot be written", Err: err}
	}
	if err := root.Rename(tmp, name); err != nil {
		_ = root.Remove(tmp)
		return &Error{Path: shown, Problem: "cannot be written: the new file cannot be moved into place", Err: err}
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

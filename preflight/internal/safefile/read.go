package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Error is a file that was refused or could not be read or written. Its
// message names the path as given and says what is wrong.
type Error struct {
	// Path is the file's name as the caller gave it.
	Path string
	// Problem says what is wrong, lower-case, without the path.
	Problem string
	// Err is the underlying error, if any (fs.ErrNotExist for a missing
	// file); nil otherwise.
	Err error
}

func (e *Error) Error() string { return fmt.Sprintf("%q %s", e.Path, e.Problem) }

// Reason is the problem without the path, for callers that name the file
// their own way.
func (e *Error) Reason() string { return e.Problem }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Read returns the contents of name, a regular file of at most limit
// bytes. When dir is not empty, name must lie inside dir once symbolic
// links are resolved: a relative name is taken relative to dir, and an
// absolute one must be within it. An empty dir reads name as given.
func Read(dir, name string, limit int64) ([]byte, error) {
	f, err := open(dir, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, &Error{Path: name, Problem: "cannot be examined", Err: err}
	}
	if p := notRegular(info.Mode()); p != "" {
		return nil, &Error{Path: name, Problem: "is " + p + ", not a regular file; give the path of a file committed to the repository"}
	}
	if info.Size() > limit {
		return nil, &Error{Path: name, Problem: fmt.Sprintf("is %d bytes, more than the limit of %d; check that the path names the right file", info.Size(), limit)}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &Error{Path: name, Problem: "cannot be read", Err: err}
	}
	if int64(len(data)) > limit {
		return nil, &Error{Path: name, Problem: fmt.Sprintf("grew past the limit of %d bytes while it was read", limit)}
	}
	return data, nil
}

// open opens name for reading without blocking on a FIFO, confined to dir
// when dir is not empty.
func open(dir, name string) (*os.File, error) {
	const flags = os.O_RDONLY | openNonBlock
	if dir == "" {
		f, err := os.OpenFile(name, flags, 0)
		return f, openError(name, err)
	}
	rel, err := within(dir, name)
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, &Error{Path: name, Problem: "cannot be read: the workspace cannot be opened", Err: err}
	}
	defer root.Close()
	f, err := root.OpenFile(rel, flags, 0)
	return f, openError(name, err)
}

// within returns name relative to dir, refusing an absolute name outside
// dir and a relative one that climbs out of it.
func within(dir, name string) (string, error) {
	outside := &Error{Path: name, Problem: "is outside the workspace; give a path inside the repository, relative to its root"}
	if filepath.IsAbs(name) {
		rel, err := filepath.Rel(dir, name)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "", outside
		}
		return rel, nil
	}
	clean := filepath.Clean(name)
	if clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return "", outside
	}
	return clean, nil
}

// openError explains a failure to open name.
func openError(name string, err error) error {
	var pe *fs.PathError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return &Error{Path: name, Problem: "does not exist; create it, or give the path of an existing file", Err: err}
	case errors.Is(err, fs.ErrPermission):
		return &Error{Path: name, Problem: "cannot be read: permission denied; check the file's permissions", Err: err}
	case errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "escapes"):
		return &Error{Path: name, Problem: "is outside the workspace (a symbolic link leads out of it); give a path inside the repository", Err: err}
	}
	return &Error{Path: name, Problem: "cannot be opened", Err: err}
}

// notRegular names a file mode that is not a regular file; "" for one that
// is.
func notRegular(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

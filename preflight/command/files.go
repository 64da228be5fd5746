package command

import (
	"io"
	"io/fs"
	"os"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/safefile"
)

// ReadRegularFile is the ReadFile a real run uses: a regular file of at
// most config.MaxFileSize bytes, inside dir after symbolic links are
// resolved when dir is not empty. A FIFO, a device, a larger file or a
// path out of dir is refused before anything is read.
func ReadRegularFile(dir, name string) ([]byte, error) {
	return safefile.Read(dir, name, config.MaxFileSize)
}

// ReplaceFile is the WriteFile a real run uses: the new contents go to a
// file created exclusively beside name, which is then renamed over it, so
// a symbolic link or file planted at name is never followed or truncated.
func ReplaceFile(dir, name string, data []byte, perm os.FileMode) error {
	if dir == "" {
		return safefile.Write(name, data, perm)
	}
	return safefile.WriteUnder(dir, name, data, perm)
}

// OpenRoot is the OpenDir a real run uses: dir opened with os.OpenRoot, so
// that no path the scan reads, and no symbolic link it follows, leaves it.
func OpenRoot(dir string) (fs.FS, io.Closer, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, err
	}
	return root.FS(), root, nil
}

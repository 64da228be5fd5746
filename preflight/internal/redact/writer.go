package redact

import (
	"bytes"
	"io"
	"sync"
)

// maxLine is how much a Writer buffers while waiting for a newline; a
// longer line is written in parts, keeping the last Window-1 bytes back so
// that no piece of a secret straddles two parts unredacted.
const maxLine = 64 << 10

// Writer is an io.Writer that redacts and neutralises everything written
// through it before passing it on, a line at a time. It is safe for
// concurrent use; call Flush when done, or a final line without a newline
// stays buffered.
type Writer struct {
	r   *Redactor
	mu  sync.Mutex
	w   io.Writer
	buf []byte
	err error
}

// NewWriter returns a Writer that writes to w.
func NewWriter(r *Redactor, w io.Writer) *Writer { return &Writer{r: r, w: w} }

// Write buffers p and writes out every complete line, redacted. It
// returns len(p) unless an earlier write to the underlying writer failed.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return 0, w.err
	}
	w.buf = append(w.buf, p...)
	if i := bytes.LastIndexByte(w.buf, '\n'); i >= 0 {
		w.emit(w.buf[:i+1])
		w.buf = append(w.buf[:0], w.buf[i+1:]...)
	}
	if len(w.buf) > maxLine {
		keep := Window - 1
		w.emit(w.buf[:len(w.buf)-keep])
		w.buf = append(w.buf[:0], w.buf[len(w.buf)-keep:]...)
	}
	return len(p), w.err
}

// Flush writes out whatever is buffered.
func (w *Writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.buf) > 0 {
		w.emit(w.buf)
		w.buf = w.buf[:0]
	}
	return w.err
}

// WriteRaw writes p to the underlying writer unredacted, between lines:
// what is buffered is written first. It exists for one purpose — the
// runner's ::add-mask:: commands, which must carry the secret itself — and
// must not be used for anything else.
func (w *Writer) WriteRaw(p []byte) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.buf) > 0 {
		w.emit(w.buf)
		w.buf = w.buf[:0]
	}
	if w.err == nil {
		_, w.err = w.w.Write(p)
	}
	return w.err
}

// emit writes p redacted and neutralised. The caller holds w.mu.
func (w *Writer) emit(p []byte) {
	if w.err != nil {
		return
	}
	out := Neutralise(w.r.Bytes(p))
	_, w.err = w.w.Write(out)
}

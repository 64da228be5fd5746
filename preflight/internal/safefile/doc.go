// Package safefile reads and writes the few files the program touches in
// a way a hostile repository or runner cannot turn against it.
//
// Read reads a regular file of bounded size, optionally confined to a
// directory (the workspace) after symbolic links are resolved: a FIFO, a
// device such as /dev/zero, a directory, a file larger than the limit, an
// absolute path outside the directory or a ".." that climbs out of it is
// refused before anything is read, so reading can neither hang nor exhaust
// memory. Write replaces a file by creating a new one exclusively beside it
// and renaming it into place, so a symbolic link or a file planted at the
// path is never followed, truncated or written through.
//
// The package does not decide which files to read or what their contents
// mean; its errors name the path and say what is wrong in words, and never
// quote a file's contents.
package safefile

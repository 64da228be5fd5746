//go:build !unix

package safefile

// openNonBlock is not needed where FIFOs do not block an open.
const openNonBlock = 0

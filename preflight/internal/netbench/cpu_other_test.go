//go:build !unix

package netbench

import "time"

// processCPU is not measured here.
func processCPU() time.Duration { return 0 }

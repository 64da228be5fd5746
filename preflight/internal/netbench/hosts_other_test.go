//go:build !linux

package netbench

import (
	"errors"
	"os/exec"
)

// startWithHosts needs Linux's mount namespaces.
func startWithHosts(*exec.Cmd, string) error {
	return errors.New("a process's /etc/hosts can only be replaced on Linux")
}

package netbench

import (
	"fmt"
	"os/exec"
	"runtime"
	"syscall"
)

// startWithHosts starts cmd with the file hosts as its /etc/hosts, so that
// the process resolves the world's names to its addresses. The file is
// bind-mounted over /etc/hosts in a mount namespace of the calling thread's
// own, made private first so that nothing reaches the machine's: the
// thread is locked and never unlocked, so the runtime discards it when the
// goroutine ends, and cmd, forked from it, inherits the namespace. Only
// the start is done here: the caller waits for cmd. It takes root (or the
// right to unshare a mount namespace).
func startWithHosts(cmd *exec.Cmd, hosts string) error {
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread() // never unlocked: the thread's namespace is not the process's
		if err := syscall.Unshare(syscall.CLONE_NEWNS); err != nil {
			errc <- fmt.Errorf("unshare a mount namespace: %w", err)
			return
		}
		if err := syscall.Mount("", "/", "", syscall.MS_REC|syscall.MS_PRIVATE, ""); err != nil {
			errc <- fmt.Errorf("make the mounts private: %w", err)
			return
		}
		if err := syscall.Mount(hosts, "/etc/hosts", "", syscall.MS_BIND, ""); err != nil {
			errc <- fmt.Errorf("bind %s over /etc/hosts: %w", hosts, err)
			return
		}
		errc <- cmd.Start()
	}()
	return <-errc
}

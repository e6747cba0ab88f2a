//go:build linux

package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

// environment describes where the benchmark ran.
type environment struct {
	CPU        string `json:"cpu"`
	Cores      int    `json:"cores"`
	RAM        string `json:"ram"`
	Kernel     string `json:"kernel"`
	Go         string `json:"go"`
	Dovecot    string `json:"dovecot"`
	Inboxwatch string `json:"inboxwatch"`
	Commit     string `json:"commit,omitempty"`
}

func getEnvironment(root, bin string) environment {
	e := environment{Cores: runtime.NumCPU(), Go: runtime.Version()}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				e.CPU = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "MemTotal:" {
				kb, _ := strconv.ParseFloat(f[1], 64)
				e.RAM = fmt.Sprintf("%.0f GB", kb/1024/1024)
			}
		}
	}
	if data, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		e.Kernel = "Linux " + strings.TrimSpace(string(data))
	}
	if out, err := exec.Command("go", "version").Output(); err == nil {
		e.Go = strings.TrimPrefix(strings.TrimSpace(string(out)), "go version ")
	}
	if p, err := lookBinary("dovecot", "/usr/sbin", "/usr/local/sbin"); err == nil {
		if out, err := exec.Command(p, "--version").Output(); err == nil {
			e.Dovecot = strings.TrimSpace(string(out))
		}
	}
	if out, err := exec.Command(bin, "version").Output(); err == nil {
		e.Inboxwatch = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(string(out)), "inboxwatch"))
	}
	e.Commit = headCommit(root)
	return e
}

// headCommit reads the checked-out commit from the repository's files.
func headCommit(root string) string {
	gitDir := filepath.Join(root, ".git")
	head, err := os.ReadFile(filepath.Join(gitDir, "HEAD"))
	if err != nil {
		return ""
	}
	ref, ok := strings.CutPrefix(strings.TrimSpace(string(head)), "ref: ")
	if !ok {
		return short(strings.TrimSpace(string(head)))
	}
	if data, err := os.ReadFile(filepath.Join(gitDir, filepath.FromSlash(ref))); err == nil {
		return short(strings.TrimSpace(string(data)))
	}
	if data, err := os.ReadFile(filepath.Join(gitDir, "packed-refs")); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if f := strings.Fields(line); len(f) == 2 && f[1] == ref {
				return short(f[0])
			}
		}
	}
	return ""
}

func short(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}

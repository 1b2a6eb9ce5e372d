// Command test-image-shim is the entrypoint shim of the real-node TEST images only (never part of the product).
// Our manifests are kubeadm v1.34's; the test images carry etcd 3.4 and Kubernetes 1.20 binaries, which lack a
// few flags and health paths. One static binary, chosen by the name it is run as:
//
//	etcd            drops the flags only etcd >= 3.5 knows, runs the real etcd (etcd-real) with its metrics
//	                listener on a private loopback port and serves the manifest's metrics address itself,
//	                answering /livez and /readyz from etcd 3.4's /health (3.4 has neither) and passing
//	                every other path through.
//	kube-scheduler  the same for the 1.20 scheduler (kube-scheduler-real): its secure port moves to a private
//	                loopback port and the manifest's port is served over HTTPS, /livez and /readyz answered
//	                from /healthz.
//	kube-apiserver  drops the flags the 1.20 API server does not know (the security profile's
//	                --authentication-config) and replaces itself with the real one (kube-apiserver-real).
//	pause           the pod sandbox's process: waits for SIGINT/SIGTERM and exits 0.
package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// etcdFlagsUnknownTo34 are the flags kubeadm 1.34 sets that etcd 3.4 rejects.
var etcdFlagsUnknownTo34 = []string{"--feature-gates", "--watch-progress-notify-interval"}

// apiServerFlagsUnknownTo120 are the flags our manifests may carry that the 1.20 API server rejects.
var apiServerFlagsUnknownTo120 = []string{"--authentication-config"}

func main() {
	self := filepath.Base(os.Args[0])
	switch self {
	case "etcd":
		os.Exit(etcd(dropFlags(os.Args[1:], etcdFlagsUnknownTo34)))
	case "kube-scheduler":
		os.Exit(scheduler(os.Args[1:]))
	case "kube-apiserver":
		os.Exit(execReal("kube-apiserver-real", dropFlags(os.Args[1:], apiServerFlagsUnknownTo120)))
	case "pause":
		pause()
	default:
		fmt.Fprintf(os.Stderr, "test-image-shim: unknown role %q (run it as etcd, kube-scheduler, kube-apiserver or pause)\n", self)
		os.Exit(2)
	}
}

func dropFlags(args, unknown []string) []string {
	kept := make([]string, 0, len(args))
	for _, arg := range args {
		drop := false
		for _, flag := range unknown {
			if arg == flag || strings.HasPrefix(arg, flag+"=") {
				drop = true
			}
		}
		if drop {
			fmt.Fprintf(os.Stderr, "test-image-shim: dropping %s (unknown to the binary in this test image)\n", arg)
			continue
		}
		kept = append(kept, arg)
	}
	return kept
}

// execReal replaces this process with the real binary beside it (same pid, signals and exit code go to it).
func execReal(realName string, args []string) int {
	real := filepath.Join(filepath.Dir(os.Args[0]), realName)
	// Run by its bare command name (the manifest's "command: kube-apiserver"), the shim was found on PATH, and so is
	// the real binary; exec does not search PATH itself.
	if found, err := exec.LookPath(real); err == nil {
		real = found
	}
	err := syscall.Exec(real, append([]string{real}, args...), os.Environ())
	fmt.Fprintf(os.Stderr, "test-image-shim: exec %s: %v\n", real, err)
	return 1
}

func pause() {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	<-signals
	os.Exit(0)
}

// flagValue returns the last value of --name=value or --name value in args, or fallback.
func flagValue(args []string, name, fallback string) string {
	value := fallback
	for i, arg := range args {
		if strings.HasPrefix(arg, name+"=") {
			value = arg[len(name)+1:]
		} else if arg == name && i+1 < len(args) {
			value = args[i+1]
		}
	}
	return value
}

func etcd(args []string) int {
	// kubeadm gives one metrics URL, http://127.0.0.1:2381.
	metrics, err := url.Parse(strings.Split(flagValue(args, "--listen-metrics-urls", "http://127.0.0.1:2381"), ",")[0])
	if err != nil || metrics.Scheme != "http" {
		fmt.Fprintf(os.Stderr, "test-image-shim: unsupported --listen-metrics-urls %q\n", flagValue(args, "--listen-metrics-urls", ""))
		return 2
	}
	return runBehindHealthProxy("etcd-real", args, metrics.Host, false, "/health",
		func(port int) []string { return []string{"--listen-metrics-urls=http://127.0.0.1:" + strconv.Itoa(port)} })
}

func scheduler(args []string) int {
	address := net.JoinHostPort(flagValue(args, "--bind-address", "0.0.0.0"), flagValue(args, "--secure-port", "10259"))
	return runBehindHealthProxy("kube-scheduler-real", args, address, true, "/healthz",
		func(port int) []string { return []string{"--bind-address=127.0.0.1", "--secure-port=" + strconv.Itoa(port)} })
}

// runBehindHealthProxy runs the real binary (beside this one) with args plus movedTo(privatePort) (the last
// occurrence of a flag wins) and serves address itself, mapping /livez and /readyz to healthPath. It forwards
// SIGINT/SIGTERM and exits with the real binary's exit code.
func runBehindHealthProxy(realName string, args []string, address string, useTLS bool, healthPath string, movedTo func(int) []string) int {
	privatePort, err := freeLoopbackPort()
	if err != nil {
		fmt.Fprintf(os.Stderr, "test-image-shim: %v\n", err)
		return 1
	}

	real := exec.Command(filepath.Join(filepath.Dir(os.Args[0]), realName), append(append([]string{}, args...), movedTo(privatePort)...)...)
	real.Stdout, real.Stderr = os.Stdout, os.Stderr
	if err := real.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "test-image-shim: starting %s: %v\n", realName, err)
		return 1
	}

	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		for s := range signals {
			_ = real.Process.Signal(s)
		}
	}()

	go func() {
		if err := serveHealthProxy(address, privatePort, useTLS, healthPath); err != nil {
			fmt.Fprintf(os.Stderr, "test-image-shim: health proxy on %s: %v\n", address, err)
			_ = real.Process.Kill()
		}
	}()

	if err := real.Wait(); err != nil {
		if exit, ok := err.(*exec.ExitError); ok {
			return exit.ExitCode()
		}
		return 1
	}
	return 0
}

func freeLoopbackPort() (int, error) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("finding a free loopback port: %w", err)
	}
	defer listener.Close()
	return listener.Addr().(*net.TCPAddr).Port, nil
}

func serveHealthProxy(address string, privatePort int, useTLS bool, healthPath string) error {
	scheme := "http"
	if useTLS {
		scheme = "https"
	}
	upstream := &url.URL{Scheme: scheme, Host: net.JoinHostPort("127.0.0.1", strconv.Itoa(privatePort))}
	proxy := httputil.NewSingleHostReverseProxy(upstream)
	// The real binary serves a self-signed certificate on its private port.
	proxy.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} //nolint:gosec // loopback, test image only
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/livez", "/readyz":
			r.URL.Path = healthPath
		}
		proxy.ServeHTTP(w, r)
	})

	server := &http.Server{Addr: address, Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	if !useTLS {
		return server.ListenAndServe()
	}
	certificate, err := selfSignedCertificate()
	if err != nil {
		return err
	}
	server.TLSConfig = &tls.Config{Certificates: []tls.Certificate{certificate}, MinVersion: tls.VersionTLS12}
	return server.ListenAndServeTLS("", "")
}

func selfSignedCertificate() (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	template := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()),
		Subject:      pkix.Name{CommonName: "test-image-shim kube-scheduler health proxy"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
	}
	der, err := x509.CreateCertificate(rand.Reader, template, template, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, nil
}

// Package netem emulates a real network on loopback, for tests and
// benchmarks that must pay for connection set-up as a client on a runner
// does: a TCP handshake per new connection, a TLS 1.3 handshake, and half a
// round trip for every byte in each direction.
//
// A Network hands out hosts on distinct loopback addresses (127.0.0.2,
// 127.0.0.3, …: Linux routes all of 127.0.0.0/8 to the loopback interface),
// so that an API host, a token host and an IP echo host are different
// hosts to the client, each with its own connections. Server serves an
// http.Handler (typically a preflight/simulator.Server) over TLS 1.3 on
// such a host, offering h2 and http/1.1 through ALPN (or http/1.1 only),
// with a certificate issued by the network's own test root. The root's PEM
// can be written to a file for SSL_CERT_FILE, so that a client started as
// a process trusts it; in-process clients can use RootPool. A server may
// also be given a host name (ServerOptions.Name, such as
// "api.sandbox.checkout.com"), for which its certificate is valid and which
// Network.DialContext, the network's resolver, maps to its address: a
// client dialling through it reaches the server under the real name.
//
// # The delay model
//
// Each host is a delaying proxy in front of a TLS server on 127.0.0.1.
// For a connection the client opened at t0 (its connect returns at once on
// loopback), a byte the client writes at t reaches the server at
// max(t, t0+RTT) + RTT/2: the first flight waits for the TCP handshake (the
// client's SYN, the server's SYN-ACK) and then travels half a round trip. A
// byte the server writes at t reaches the client at max(t, t0+1.5·RTT) +
// RTT/2 (a server cannot send before the handshake's last ACK reached it).
// Bytes of one direction arrive in the order they were written; each
// connection and direction has its own delay line, so a slow connection
// never delays another. Bandwidth, loss and congestion windows are not
// modelled: only latency, which is what a preflight's wall time is made of.
//
// With this model a TLS 1.3 full handshake costs one round trip after the
// TCP handshake (ClientHello out; ServerHello…Finished back), the client's
// Finished travels with its first request, and an HTTP/2 client preface and
// SETTINGS travel with the first request too: a cold request costs three
// round trips, a request on a warm connection one.
//
// # Counters
//
// Server.Stats reports per host: TCP connections accepted, TLS handshakes
// the server answered, how many negotiated h2, requests served, and bytes
// each way. Benchmarks report them as per-iteration metrics.
//
// The package never reaches beyond loopback and keeps no package-level
// state. It is test support kept in a normal package so that any package's
// tests and benchmarks can use it; product code must not import it.
package netem

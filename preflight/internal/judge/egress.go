package judge

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/egress"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// egressChecks turns the discovery and the allowlist into the report's
// egress section and its checks. Without a discovery, an allowlist is
// reported as not checked.
func egressChecks(in Input) (*report.Egress, []report.Check) {
	list := in.Plan.Run.Allowlist
	if in.Egress == nil {
		if len(list) == 0 {
			return nil, nil
		}
		return nil, []report.Check{{ID: report.CheckEgressAllowed, Status: report.StatusSkip,
			Title: "Egress not checked", Message: "ip-echo-urls is empty, so the egress address was not discovered", Remedy: "set ip-echo-urls to check the allowlist"}}
	}
	d := *in.Egress
	e := &report.Egress{Allowlist: list.Strings(), Sources: d.EgressSources()}
	if e.Sources == nil {
		e.Sources = []report.EgressSource{}
	}
	if d.IPv4.IsValid() {
		e.IPv4 = d.IPv4.String()
	}
	if d.IPv6.IsValid() {
		e.IPv6 = d.IPv6.String()
	}
	var checks []report.Check
	if !d.Found() {
		checks = append(checks, report.Check{
			ID: report.CheckEgressDiscovered, Status: report.StatusWarn, Title: "Egress address unknown",
			Message: fmt.Sprintf("none of the %d IP echo services answered with an address, so the allowlist could not be checked", len(d.Sources)),
			Remedy:  "allow the runner to reach an echo service, or set ip-echo-urls to one it can reach; this is not a verdict on the credentials",
			Detail:  sourcesDetail(e.Sources),
		})
		return e, checks
	}
	checks = append(checks, report.Check{
		ID: report.CheckEgressDiscovered, Status: report.StatusPass, Title: "Egress address found",
		Message: fmt.Sprintf("the runner reaches the internet from %s", addrList(d)),
		Detail:  sourcesDetail(e.Sources),
	})
	if d.Disagreement {
		checks = append(checks, report.Check{
			ID: report.CheckEgressAgreement, Status: report.StatusWarn, Title: "Egress address varies",
			Message: fmt.Sprintf("IP echo services saw different addresses (%s): the runner leaves through load-balanced NAT or a proxy", candidates(d)),
			Remedy:  "allow every address the runner may use, or give it a static egress address",
			Detail:  sourcesDetail(e.Sources),
		})
	}
	allowed := allowedCheck(e, d, list)
	checks = append(checks, allowed)
	if in.HostedRunner && (allowed.Status == report.StatusFail || allowed.Status == report.StatusWarn) {
		// Only where it explains a failure: a larger hosted runner with a
		// static address passes, and is told nothing.
		checks = append(checks, hostedRunnerCheck())
	}
	return e, checks
}

// allowedCheck fails when no discovered address is on the allowlist and
// warns when only some are (a dual-stack runner may use either).
func allowedCheck(e *report.Egress, d egress.Discovery, list egress.Allowlist) report.Check {
	c := report.Check{ID: report.CheckEgressAllowed, Title: "Egress address allowed"}
	if len(list) == 0 {
		c.Status = report.StatusSkip
		c.Message = fmt.Sprintf("no allowlist given; the runner leaves from %s", addrList(d))
		c.Remedy = "set allowed-ips to check it"
		return c
	}
	var allowed, refused []string
	for _, a := range d.Addrs() {
		if entry, ok := list.Match(a); ok {
			allowed = append(allowed, a.String())
			if e.Matched == "" {
				e.Matched = entry.Raw
			}
			continue
		}
		refused = append(refused, a.String())
	}
	e.Allowed = ptr(len(refused) == 0)
	switch {
	case len(refused) == 0:
		c.Status = report.StatusPass
		c.Message = fmt.Sprintf("%s is on the allowlist (entry %q)", strings.Join(allowed, " and "), e.Matched)
	case len(allowed) == 0:
		c.Status, c.Title = report.StatusFail, "Egress address not allowed"
		c.Message = fmt.Sprintf("the runner leaves from %s, which is not on the allowlist (%s)", strings.Join(refused, " and "), strings.Join(e.Allowlist, ", "))
		c.Remedy = fmt.Sprintf("add %s to allowed-ips and to the allowlist agreed with Checkout.com or your firewall, or run the job on a runner with a static egress address (a larger GitHub-hosted runner with a static IP, or a self-hosted runner)", strings.Join(refused, " and "))
		c.Position = e0Position(list)
	default:
		c.Status, c.Title = report.StatusWarn, "Egress address partly allowed"
		c.Message = fmt.Sprintf("%s is on the allowlist, but %s is not; requests that leave over the other address family will be refused", strings.Join(allowed, " and "), strings.Join(refused, " and "))
		c.Remedy = fmt.Sprintf("add %s to allowed-ips, or make sure Checkout.com traffic uses the allowed address family", strings.Join(refused, " and "))
	}
	return c
}

// e0Position points a failure at the allowlist's first entry, so the
// annotation lands where the list is declared.
func e0Position(list egress.Allowlist) *report.Position {
	if len(list) == 0 {
		return nil
	}
	return positionOf(list[0].Pos)
}

func hostedRunnerCheck() report.Check {
	return report.Check{
		ID: report.CheckEgressHostedRunner, Status: report.StatusNotice, Title: "Hosted runner: the address changes",
		Message: "this job runs on a GitHub-hosted runner; a standard one leaves from an address that changes from job to job, which is likely why the address above is not on the allowlist",
		Remedy:  "run the job on a larger GitHub-hosted runner with a static IP address, or on a self-hosted runner whose address is on the allowlist",
	}
}

func addrList(d egress.Discovery) string {
	var parts []string
	for _, a := range d.Addrs() {
		parts = append(parts, a.String())
	}
	return strings.Join(parts, " and ")
}

func candidates(d egress.Discovery) string {
	var parts []string
	for _, list := range [][]egress.Candidate{d.V4, d.V6} {
		for _, c := range list {
			parts = append(parts, fmt.Sprintf("%s from %d", c.Addr, c.Count))
		}
	}
	return strings.Join(parts, ", ")
}

func sourcesDetail(sources []report.EgressSource) string {
	var b strings.Builder
	for _, s := range sources {
		if s.Error != "" {
			fmt.Fprintf(&b, "%s: %s\n", s.URL, s.Error)
		} else {
			fmt.Fprintf(&b, "%s: %s\n", s.URL, s.IP)
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// egressAddr is the address shown next to 403s, or "unknown".
func egressAddr(e *report.Egress) string {
	if e == nil {
		return "unknown (discovery is off)"
	}
	var parts []string
	for _, a := range []string{e.IPv4, e.IPv6} {
		if _, err := netip.ParseAddr(a); err == nil {
			parts = append(parts, a)
		}
	}
	if len(parts) == 0 {
		return "unknown"
	}
	return strings.Join(parts, " and ")
}

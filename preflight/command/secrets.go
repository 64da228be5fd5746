package command

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// withheld says why GitHub gave this run empty secrets, when the event
// says so: a run started by Dependabot, or a pull request from a fork;
// "" when secrets are not withheld on this event (a push, a pull request
// from a branch of the repository), and then an empty secret is simply
// not set.
func (c *Command) withheld() string {
	if actor := c.Getenv("GITHUB_ACTOR"); actor == "dependabot[bot]" {
		return "this run was started by Dependabot, whose workflows get the repository's Dependabot secrets only"
	}
	switch c.Getenv("GITHUB_EVENT_NAME") {
	case "pull_request", "pull_request_review", "pull_request_review_comment":
	default:
		return ""
	}
	fork, known := c.forkOfPullRequest()
	switch {
	case !known:
		return "on pull requests from forks, and from Dependabot, GitHub passes secrets as empty strings"
	case fork != "":
		return fmt.Sprintf("this pull request comes from the fork %s, and GitHub gives the workflows of pull requests from forks no secrets", fork)
	}
	return ""
}

// forkOfPullRequest reads the event payload (GITHUB_EVENT_PATH): the full
// name of the fork the pull request comes from, "" when it comes from the
// repository itself; known is false when the payload cannot be read.
func (c *Command) forkOfPullRequest() (fork string, known bool) {
	path := c.Getenv("GITHUB_EVENT_PATH")
	if path == "" {
		return "", false
	}
	b, err := c.ReadFile("", path)
	if err != nil {
		return "", false
	}
	var ev struct {
		PullRequest *struct {
			Head struct {
				Repo *struct {
					FullName string `json:"full_name"`
					Fork     bool   `json:"fork"`
				} `json:"repo"`
			} `json:"head"`
			Base struct {
				Repo struct {
					FullName string `json:"full_name"`
				} `json:"repo"`
			} `json:"base"`
		} `json:"pull_request"`
	}
	if json.Unmarshal(b, &ev) != nil || ev.PullRequest == nil || ev.PullRequest.Head.Repo == nil {
		return "", false
	}
	head := ev.PullRequest.Head.Repo
	if head.FullName == ev.PullRequest.Base.Repo.FullName && !head.Fork {
		return "", true
	}
	if !validRepoName(head.FullName) {
		return "another repository", true
	}
	return head.FullName, true
}

// validRepoName reports an "owner/name" spelt as GitHub allows, so that a
// crafted payload cannot put arbitrary text in a message.
func validRepoName(s string) bool {
	owner, name, ok := strings.Cut(s, "/")
	ok = ok && owner != "" && name != "" && len(s) <= 140
	for _, r := range s {
		ok = ok && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./", r))
	}
	return ok && strings.Count(s, "/") == 1
}

// missingCheck reports credentials left empty, saying why that happens
// when the event says (see withheld), and what to do.
func (c *Command) missingCheck(run spec.Run, inAction bool) report.Check {
	status, remedy := report.StatusFail, "set the secret, or set on-missing-credentials: skip to pass runs that have no secrets with a notice"
	if run.SkipMissing {
		status = report.StatusSkip
		remedy = "nothing to do on runs GitHub gives no secrets; elsewhere, set the secret"
	}
	msg := "no credential to check: " + strings.Join(run.Missing, "; ") + " empty"
	switch why := c.withheld(); {
	case !inAction:
		remedy = "set CKO_SECRET_KEY, or CKO_CLIENT_ID and CKO_CLIENT_SECRET (or the variables your --config file names), or pass --on-missing-credentials skip"
	case why != "":
		msg += ": " + why
		if strings.Contains(why, "Dependabot") {
			remedy += " (Dependabot has its own secrets: Settings > Secrets and variables > Dependabot)"
		}
	default:
		msg += ": the secret is not set for this repository or environment, or is empty"
		remedy = "set the secret in Settings > Secrets and variables > Actions (or the environment the job uses), and pass it to the step"
	}
	return report.Check{ID: report.CheckCredentialPresent, Status: status, Title: "No credential", Message: msg, Remedy: remedy}
}

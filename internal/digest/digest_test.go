package digest_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/digest"
	"github.com/inboxwatch/inboxwatch/internal/policy"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name.golden; on a mismatch it writes
// testdata/name.got beside it for a diff.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	gotPath := filepath.Join("testdata", name+".got")
	if !bytes.Equal(got, want) {
		if err := os.WriteFile(gotPath, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Errorf("%s differs from %s; wrote %s (diff them, or run go test -update)", name, path, gotPath)
		return
	}
	os.Remove(gotPath)
}

func jsonOf(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	d := build()
	golden(t, "digest.txt", []byte(d.Text()))
	golden(t, "digest.json", jsonOf(t, d))
	golden(t, "digest.html", []byte(d.HTML()))
}

func headings[T any](items []T, f func(T) digest.AppView) []string {
	var out []string
	for _, it := range items {
		out = append(out, f(it).Company)
	}
	return out
}

func TestSections(t *testing.T) {
	d := build()
	eq := func(what string, got, want []string) {
		t.Helper()
		if strings.Join(got, " | ") != strings.Join(want, " | ") {
			t.Errorf("%s: %q, want %q", what, got, want)
		}
	}
	eq("due now, most overdue first", headings(d.Due, func(i digest.Item) digest.AppView { return i.Application }),
		[]string{"Northwind Logistics", "Orchard Labs", "Brightline Analytics"})
	eq("coming up", headings(d.Upcoming, func(i digest.Item) digest.AppView { return i.Application }),
		[]string{"Lumen Health", "Saltmarsh Games", "Kestrel Insurance"})
	eq("waiting", headings(d.Waiting, func(w digest.Wait) digest.AppView { return w.Application }), []string{"Harbor & Pine"})
	eq("stopped", headings(d.Stopped, func(s digest.Stopped) digest.AppView { return s.Application }),
		[]string{"Pinecone Systems", "Harbor & Pine", "Saltmarsh Games", "Quillfeather", "Tessellate Robotics"})

	var reasons []string
	for _, s := range d.Stopped {
		reasons = append(reasons, string(s.Reason))
	}
	eq("stop reasons", reasons, []string{"gone_quiet", "reply", "reply", "rejected", "offered"})

	kinds := []policy.Kind{policy.StatusCheck, policy.FinalCheck, policy.ThankYou}
	for i, it := range d.Due {
		if it.Kind != kinds[i] {
			t.Errorf("due %d (%s) is a %s, want %s", i, it.Application.Company, it.Kind, kinds[i])
		}
		if it.Draft.Body == "" || len(it.Draft.To) == 0 {
			t.Errorf("due %d (%s) has no ready draft: %+v", i, it.Application.Company, it.Draft)
		}
	}
	if got := d.Due[2].Due; !got.Equal(at("2026-03-03 17:00")) {
		t.Errorf("the thank-you is listed from the interview's end but due 24 h after it, got %s", got)
	}
	if w := d.Waiting[0]; w.Until != "2026-03-06" || !strings.Contains(w.Why, "Grace Lindqvist") {
		t.Errorf("waiting entry %+v", w)
	}
	want := map[policy.State]int{
		policy.Applied: 2, policy.Interviewing: 0, policy.AwaitingReply: 6, policy.TimelineGiven: 1, policy.Offered: 1,
		policy.Rejected: 1, policy.Withdrawn: 0, policy.NoFollowUp: 1, policy.GoneQuiet: 1, policy.Ignored: 1,
	}
	for s, n := range want {
		if d.Counts[s] != n {
			t.Errorf("count of %s = %d, want %d", s, d.Counts[s], n)
		}
	}
	if d.Total() != 14 {
		t.Errorf("total %d, want 14", d.Total())
	}
	for _, it := range append(append([]digest.Item{}, d.Due...), d.Upcoming...) {
		if it.Application.ID == 13 {
			t.Error("an ignored application shows up in the digest")
		}
	}
}

func TestStoppedSince(t *testing.T) {
	apps := fixture()
	outs := evaluate(apps, now)
	// No earlier digest: the last seven days.
	d := digest.Build(now, apps, outs, time.Time{}, me)
	found := map[string]bool{}
	for _, s := range d.Stopped {
		found[s.Application.Company+"/"+string(s.Reason)] = true
	}
	if !found["Civic Ledger/no_follow_up"] {
		t.Errorf("a request not to follow up five days ago is missing from a first digest: %v", found)
	}
	// A digest an hour ago: only what happened since.
	d = digest.Build(now, apps, outs, now.Add(-time.Hour), me)
	if len(d.Stopped) != 0 {
		t.Errorf("nothing stopped in the last hour, got %+v", d.Stopped)
	}
}

func TestUpcomingWindow(t *testing.T) {
	apps := fixture()
	later := now.Add(-24 * time.Hour)
	d := digest.Build(later, apps, evaluate(apps, later), since.Add(-24*time.Hour), me)
	for _, it := range d.Upcoming {
		if it.Shown.After(later.Add(digest.UpcomingWindow)) {
			t.Errorf("%s listed as coming up on %s, beyond the next 7 days", it.Application.Company, it.Shown)
		}
	}
}

func TestEmpty(t *testing.T) {
	if !(digest.Digest{}).Empty() {
		t.Error("a zero digest is not empty")
	}
	if build().Empty() {
		t.Error("a digest with follow-ups due is empty")
	}
	apps := fixture()[10:12] // two applications with only an acknowledgement
	d := digest.Build(now, apps, evaluate(apps, now), since, me)
	if !d.Empty() {
		t.Errorf("nothing due, coming or stopped, yet not empty: %+v", d)
	}
	if !strings.Contains(d.Text(), "Nothing to send today.") {
		t.Errorf("empty digest text:\n%s", d.Text())
	}
	if d.Subject() != "inboxwatch: nothing due today (Tue 3 Mar)" {
		t.Errorf("subject %q", d.Subject())
	}
}

func TestJSONContract(t *testing.T) {
	var got map[string]any
	if err := json.Unmarshal(jsonOf(t, build()), &got); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) string {
		var k []string
		for key := range m {
			k = append(k, key)
		}
		slices.Sort(k)
		return strings.Join(k, ",")
	}
	if k := keys(got); k != "counts,due,now,stopped,upcoming,waiting" {
		t.Errorf("top-level keys %s", k)
	}
	if _, err := time.Parse(time.RFC3339, got["now"].(string)); err != nil {
		t.Errorf("now is not RFC 3339: %v", err)
	}
	due := got["due"].([]any)[0].(map[string]any)
	if k := keys(due); k != "application,draft,due,kind,why" {
		t.Errorf("due item keys %s", k)
	}
	if k := keys(due["draft"].(map[string]any)); k != "body,in_reply_to,subject,to" {
		t.Errorf("draft keys %s", k)
	}
	app := due["application"].(map[string]any)
	if k := keys(app); k != "company,contacts,id,interview_at,last_inbound_at,last_outbound_at,messages,next,role,state,timeline" {
		t.Errorf("application keys %s", k)
	}
	next := app["next"].(map[string]any)
	if k := keys(next); k != "due,kind" {
		t.Errorf("next keys %s", k)
	}
	if app["timeline"] != nil {
		t.Errorf("timeline should be null without a stated date, got %v", app["timeline"])
	}
	wait := got["waiting"].([]any)[0].(map[string]any)
	if k := keys(wait); k != "application,until,why" || wait["until"] != "2026-03-06" {
		t.Errorf("waiting item %v", wait)
	}
	if tl := wait["application"].(map[string]any)["timeline"]; tl != "2026-03-06" {
		t.Errorf("waiting application's timeline %v", tl)
	}
	stop := got["stopped"].([]any)[0].(map[string]any)
	if k := keys(stop); k != "application,at,reason" {
		t.Errorf("stopped item keys %s", k)
	}
	// The thank-you to Brightline: no message sent yet, so last_outbound_at is null.
	thank := got["due"].([]any)[2].(map[string]any)["application"].(map[string]any)
	if thank["last_outbound_at"] != nil || thank["last_inbound_at"] == nil {
		t.Errorf("last_outbound_at should be null and last_inbound_at set: %v", thank)
	}
	// A gone-quiet application has nothing next.
	for _, s := range got["stopped"].([]any) {
		a := s.(map[string]any)["application"].(map[string]any)
		if a["state"] == "gone_quiet" && a["next"] != nil {
			t.Errorf("gone quiet but next = %v", a["next"])
		}
	}
}

func TestDraftJSONWithoutThread(t *testing.T) {
	b, err := json.Marshal(digest.Draft{Subject: "Following up", Body: "Hello,\n"})
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"to":[],"subject":"Following up","in_reply_to":null,"body":"Hello,\n"}` {
		t.Errorf("draft json %s", b)
	}
}

func TestView(t *testing.T) {
	apps := fixture()
	outs := evaluate(apps, now)
	v := digest.ViewIn(apps[3], outs[3], ny) // Harbor & Pine
	if v.ID != 4 || v.Company != "Harbor & Pine" || v.State != policy.TimelineGiven || v.Messages != 3 {
		t.Errorf("view %+v", v)
	}
	if len(v.Contacts) != 1 || v.Contacts[0] != "grace.lindqvist@harborpine.example" {
		t.Errorf("contacts %v", v.Contacts)
	}
	if v.LastInboundAt == nil || !v.LastInboundAt.Equal(at("2026-03-02 10:05")) {
		t.Errorf("last inbound %v", v.LastInboundAt)
	}
	if v.LastOutboundAt == nil || !v.LastOutboundAt.Equal(at("2026-02-24 19:15")) {
		t.Errorf("last outbound %v", v.LastOutboundAt)
	}
	if v.Next == nil || v.Next.Kind != policy.StatusCheck || !v.Next.Due.Equal(at("2026-03-10 00:00")) {
		t.Errorf("next %+v", v.Next)
	}
	if v.Timeline == nil || *v.Timeline != "2026-03-06" {
		t.Errorf("timeline %v", v.Timeline)
	}
	if v.InterviewAt == nil || !v.InterviewAt.Equal(at("2026-02-24 13:30")) {
		t.Errorf("interview at %v", v.InterviewAt)
	}
	if v.InterviewAt.Location() != ny {
		t.Errorf("times should be in the chosen zone, got %s", v.InterviewAt.Location())
	}
	civic := digest.View(apps[6], outs[6])
	if civic.Next != nil || civic.InterviewAt != nil || civic.LastOutboundAt != nil || len(civic.Contacts) != 0 || civic.Contacts == nil {
		t.Errorf("an acknowledgement-only application: %+v", civic)
	}
}

func TestSubject(t *testing.T) {
	if s := build().Subject(); s != "inboxwatch: 3 follow-ups due today (Tue 3 Mar)" {
		t.Errorf("subject %q", s)
	}
}

func TestTextShowsWhatMatters(t *testing.T) {
	text := build().Text()
	for _, want := range []string{
		"DUE NOW (3)",
		"1. Northwind Logistics — Platform Engineer",
		"Status check · was due Fri 27 Feb 19:30, 3 days ago",
		"Thank-you note · send by Tue 3 Mar 17:00, worth sending until Wed 4 Mar 17:00",
		"To:      Priya Nandakumar <priya.nandakumar@brightline.example>",
		"│ " + digest.PersonalNote[:40],
		"COMING UP IN THE NEXT 7 DAYS (3)",
		"WAITING ON A STATED TIMELINE (1)",
		"until Fri 6 Mar  Harbor & Pine — Site Reliability Engineer",
		"STOPPED SINCE THE LAST DIGEST (5)",
		"gone quiet",
		"offer received",
		"APPLICATIONS BY STATE",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	for i, l := range strings.Split(text, "\n") {
		if strings.HasSuffix(l, " ") {
			t.Errorf("line %d has trailing spaces: %q", i+1, l)
		}
		if strings.Contains(l, "\x1b[") {
			t.Errorf("line %d has terminal escape codes", i+1)
		}
	}
}

func TestHTMLForWebMail(t *testing.T) {
	h := build().HTML()
	for _, bad := range []string{"<style", "<script", "class=", "<link", "<img"} {
		if strings.Contains(h, bad) {
			t.Errorf("HTML contains %q, which web mail strips or blocks", bad)
		}
	}
	for _, want := range []string{
		"Harbor &amp; Pine", // escaped
		"white-space:pre-wrap",
		`role="presentation"`,
		"Hi Priya,",
		`href="mailto:priya.nandakumar@brightline.example?subject=Thank%20you`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
}

package digest_test

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-message/mail"

	"github.com/inboxwatch/inboxwatch/internal/digest"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
	"github.com/inboxwatch/inboxwatch/internal/policy"
)

// suggestion evaluates the fixture's application id as of now.
func suggestion(t *testing.T, id int64) (policy.Application, policy.Suggestion) {
	t.Helper()
	for _, a := range fixture() {
		if a.ID == id {
			out := policy.Evaluate(a, now, policy.Default(ny))
			if out.Next == nil {
				t.Fatalf("application %d has nothing pending", id)
			}
			return a, *out.Next
		}
	}
	t.Fatalf("no application %d", id)
	return policy.Application{}, policy.Suggestion{}
}

func words(s string) int { return len(strings.Fields(s)) }

func TestThankYouDraft(t *testing.T) {
	app, s := suggestion(t, 1)
	d := digest.MakeDraft(app, s, me)
	body := d.Body
	for _, want := range []string{"Hi Priya,", "Thank you", "Senior Backend Engineer", "enthusiastic", "Sam Rivera"} {
		if !strings.Contains(body, want) {
			t.Errorf("thank-you lacks %q:\n%s", want, body)
		}
	}
	if n := strings.Count(body, digest.PersonalNote); n != 1 {
		t.Errorf("thank-you should have exactly one spot to personalise, has %d", n)
	}
	if n := words(strings.Replace(body, digest.PersonalNote, "", 1)); n > 90 {
		t.Errorf("thank-you is %d words; it should stay short", n)
	}
	if len(d.To) != 1 || d.To[0].Addr != "priya.nandakumar@brightline.example" {
		t.Errorf("a relayed invitation's thank-you goes to the interviewer's own address, got %v", d.To)
	}
}

func TestStatusCheckDrafts(t *testing.T) {
	app, s := suggestion(t, 2) // Northwind: first check
	check := digest.MakeDraft(app, s, me).Body
	for _, want := range []string{"Hi Tom,", "Platform Engineer", "interested", "timeline", "further information"} {
		if !strings.Contains(check, want) {
			t.Errorf("status check lacks %q:\n%s", want, check)
		}
	}
	app, s = suggestion(t, 8) // Orchard: final check
	final := digest.MakeDraft(app, s, me).Body
	if !strings.Contains(final, "Hi Chloe,") || !strings.Contains(final, "once more") {
		t.Errorf("final check:\n%s", final)
	}
	if words(final) >= words(check) {
		t.Errorf("the final check (%d words) should be briefer than the first (%d)", words(final), words(check))
	}
	app, s = suggestion(t, 4) // Harbor & Pine: after the stated date
	timed := digest.MakeDraft(app, s, me).Body
	if !strings.Contains(timed, "around Friday 6 March") {
		t.Errorf("a check after a stated date should mention it:\n%s", timed)
	}
}

func TestDraftWithoutNames(t *testing.T) {
	app := policy.Application{ID: 40, Company: "Fernway Energy", Role: "Backend Engineer, Grid Software",
		Contacts: []mailparse.Address{{Addr: "recruiting@fernway.example", Name: "Fernway Recruiting"}}}
	d := digest.MakeDraft(app, policy.Suggestion{Kind: policy.StatusCheck, Due: now}, digest.Me{Address: "sam@example.org"})
	if !strings.HasPrefix(d.Body, "Hello,\n") {
		t.Errorf("without a person's name the greeting is neutral:\n%s", d.Body)
	}
	if d.Subject != "Following up: Backend Engineer, Grid Software" || d.InReplyTo != "" || len(d.References) != 0 {
		t.Errorf("a new conversation: subject %q, in-reply-to %q, refs %v", d.Subject, d.InReplyTo, d.References)
	}
	if len(d.To) != 1 || d.To[0].Addr != "recruiting@fernway.example" {
		t.Errorf("falls back to the application's contact, got %v", d.To)
	}
	if !strings.HasSuffix(d.Body, "Best regards,\n") {
		t.Errorf("no name to sign with:\n%s", d.Body)
	}
}

func TestGreeting(t *testing.T) {
	for name, want := range map[string]string{
		"Dana Kim":          "Hi Dana,",
		"Kim, Dana":         "Hi Dana,",
		"Dana Kim, PhD":     "Hi Dana,",
		"Dr. Dana Kim":      "Dear Dr. Kim,",
		"Acme Talent Team":  "Hello,",
		"":                  "Hello,",
		"jobs@acme.example": "Hello,",
	} {
		app := policy.Application{ID: 1, Company: "Acme", Role: "Engineer"}
		s := policy.Suggestion{Kind: policy.StatusCheck, Due: now, Reply: &policy.Event{
			From: mailparse.Address{Name: name, Addr: "person@acme.example"}, MessageID: "x@acme.example", Subject: "Engineer"}}
		if got, _, _ := strings.Cut(digest.MakeDraft(app, s, me).Body, "\n"); got != want {
			t.Errorf("%q: greeting %q, want %q", name, got, want)
		}
	}
}

func TestDraftThreading(t *testing.T) {
	t.Run("thank-you answers the invitation", func(t *testing.T) {
		app, s := suggestion(t, 1)
		d := digest.MakeDraft(app, s, me)
		if d.Subject != "Thank you: Senior Backend Engineer interview" { // a calendar robot's subject is not answered with "Re:"
			t.Errorf("subject %q", d.Subject)
		}
		if d.InReplyTo != "<1.2@mail.1.example>" {
			t.Errorf("in-reply-to %q, want the invitation", d.InReplyTo)
		}
		if strings.Join(d.References, " ") != "<1.1@mail.1.example> <1.2@mail.1.example>" {
			t.Errorf("references %v", d.References)
		}
	})
	t.Run("a check continues the user's own message", func(t *testing.T) {
		app, s := suggestion(t, 2)
		d := digest.MakeDraft(app, s, me)
		if d.InReplyTo != "<2.4@mail.2.example>" || d.Subject != "Re: Interview: Platform Engineer" {
			t.Errorf("in-reply-to %q subject %q, want Sam's thank-you", d.InReplyTo, d.Subject)
		}
		if len(d.To) != 1 || d.To[0].Addr != "tom.alvarez@northwind.example" {
			t.Errorf("to %v, want whom the thank-you went to", d.To)
		}
		if got := d.References[len(d.References)-1]; got != d.InReplyTo {
			t.Errorf("references end with %q, want the message answered", got)
		}
	})
	t.Run("reply prefixes are not stacked", func(t *testing.T) {
		s := policy.Suggestion{Kind: policy.FinalCheck, Due: now, Reply: &policy.Event{
			Outbound: true, To: []mailparse.Address{{Name: "Nina", Addr: "nina@quillfeather.example"}},
			MessageID: "<abc@fastmail.example>", Subject: "RE: Re: AW: Pairing interview"}}
		d := digest.MakeDraft(policy.Application{ID: 5, Company: "Quillfeather"}, s, me)
		if d.Subject != "Re: Pairing interview" || d.InReplyTo != "<abc@fastmail.example>" {
			t.Errorf("subject %q in-reply-to %q", d.Subject, d.InReplyTo)
		}
	})
	t.Run("long threads keep the first and latest references", func(t *testing.T) {
		var refs []string
		for i := range 30 {
			refs = append(refs, "m"+strings.Repeat("x", i)+"@a.example")
		}
		s := policy.Suggestion{Kind: policy.StatusCheck, Due: now, Reply: &policy.Event{
			From: mailparse.Address{Name: "Pat", Addr: "pat@a.example"}, MessageID: "last@a.example", References: refs, Subject: "Re: Hello"}}
		d := digest.MakeDraft(policy.Application{ID: 9}, s, me)
		if len(d.References) != 20 || d.References[0] != "<"+refs[0]+">" || d.References[19] != "<last@a.example>" {
			t.Errorf("references (%d) %v", len(d.References), d.References)
		}
	})
	t.Run("machines and the user are never recipients", func(t *testing.T) {
		s := policy.Suggestion{Kind: policy.StatusCheck, Due: now, Reply: &policy.Event{
			Outbound: true, MessageID: "s@fastmail.example", Subject: "Re: Update",
			To: []mailparse.Address{{Addr: "no-reply@hire.lever.example"}, {Addr: me.Address}, {Name: "Theo Brandt", Addr: "theo.brandt@saltmarsh.example"}}}}
		d := digest.MakeDraft(policy.Application{ID: 9}, s, me)
		if len(d.To) != 1 || d.To[0].Addr != "theo.brandt@saltmarsh.example" {
			t.Errorf("to %v", d.To)
		}
	})
}

func TestDraftMessage(t *testing.T) {
	app, s := suggestion(t, 1)
	d := digest.MakeDraft(app, s, me)
	id := digest.IDOf(app, s)
	raw, err := digest.DraftMessage(d, id, me, now)
	if err != nil {
		t.Fatal(err)
	}
	r, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	h := r.Header
	if v, _ := h.MsgIDList("In-Reply-To"); len(v) != 1 || v[0] != "1.2@mail.1.example" {
		t.Errorf("In-Reply-To %v", v)
	}
	if v, _ := h.MsgIDList("References"); strings.Join(v, " ") != "1.1@mail.1.example 1.2@mail.1.example" {
		t.Errorf("References %v", v)
	}
	if v, _ := h.Subject(); v != d.Subject {
		t.Errorf("Subject %q", v)
	}
	if v, _ := h.AddressList("To"); len(v) != 1 || v[0].Address != "priya.nandakumar@brightline.example" || v[0].Name != "Priya Nandakumar" {
		t.Errorf("To %v", v)
	}
	if v, _ := h.AddressList("From"); len(v) != 1 || v[0].Address != me.Address {
		t.Errorf("From %v", v)
	}
	if v, _ := h.Date(); !v.Equal(now) {
		t.Errorf("Date %v", v)
	}
	if v, _ := h.MessageID(); !strings.HasSuffix(v, "@fastmail.example") {
		t.Errorf("Message-ID %q", v)
	}
	if v := h.Get(digest.DraftHeader); v != "1/thank_you/"+strconv.FormatInt(at("2026-03-03 17:00").Unix(), 10) {
		t.Errorf("%s: %q", digest.DraftHeader, v)
	}
	p, err := r.NextPart()
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(p.Body)
	if strings.ReplaceAll(string(body), "\r\n", "\n") != d.Body {
		t.Errorf("body does not round-trip:\n%s", body)
	}
	if _, err := digest.DraftMessage(d, id, digest.Me{Name: "Sam"}, now); err == nil {
		t.Error("a draft without the user's address was built")
	}
}

func TestDraftIdentity(t *testing.T) {
	app, s := suggestion(t, 8)
	id := digest.IDOf(app, s)
	raw, err := digest.DraftMessage(digest.MakeDraft(app, s, me), id, me, now)
	if err != nil {
		t.Fatal(err)
	}
	got, ok, err := digest.DraftID(raw)
	if err != nil || !ok {
		t.Fatalf("DraftID: %v %v", ok, err)
	}
	if !got.Equal(id) || got.App != 8 || got.Kind != policy.FinalCheck || !got.Due.Equal(s.Due) {
		t.Errorf("identity %+v, want %+v", got, id)
	}
	if _, ok, err := digest.DraftID([]byte("From: sam@example.org\r\nSubject: my own draft\r\n\r\nhello\r\n")); ok || err != nil {
		t.Errorf("a user's own draft: ok %v err %v", ok, err)
	}
	if _, err := digest.ParseSuggestionID("8/lunch/123"); !errors.Is(err, digest.ErrNotDraft) {
		t.Errorf("ParseSuggestionID accepted an unknown kind: %v", err)
	}
	back, err := digest.ParseSuggestionID(id.String())
	if err != nil || !back.Equal(id) {
		t.Errorf("round trip %v %v", back, err)
	}
}

func TestDraftHash(t *testing.T) {
	app, s := suggestion(t, 1)
	d := digest.MakeDraft(app, s, me)
	raw, err := digest.DraftMessage(d, digest.IDOf(app, s), me, now)
	if err != nil {
		t.Fatal(err)
	}
	h1, err := digest.DraftHash(raw)
	if err != nil {
		t.Fatal(err)
	}
	if h1 != d.Hash() {
		t.Errorf("hash of the message %s differs from the draft's %s", h1, d.Hash())
	}
	again, _ := digest.DraftMessage(d, digest.IDOf(app, s), me, now.Add(time.Hour))
	if h, _ := digest.DraftHash(again); h != h1 {
		t.Error("the hash changed with the Date and Message-ID headers")
	}

	// A server that stores it differently: bare LF, headers re-encoded and
	// reordered, the body in base64.
	var h mail.Header
	h.SetAddressList("To", []*mail.Address{{Name: "Priya Nandakumar", Address: "priya.nandakumar@brightline.example"}})
	h.Set("Subject", "=?utf-8?q?"+strings.ReplaceAll(d.Subject, " ", "_")+"?=")
	h.Set("Content-Type", "text/plain; charset=UTF-8; format=flowed")
	h.Set("Content-Transfer-Encoding", "base64")
	var buf bytes.Buffer
	w, err := mail.CreateSingleInlineWriter(&buf, h)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, strings.ReplaceAll(d.Body, "\n", "  \r\n"))
	w.Close()
	stored := bytes.ReplaceAll(buf.Bytes(), []byte("\r\n"), []byte("\n"))
	if h2, err := digest.DraftHash(stored); err != nil || h2 != h1 {
		t.Errorf("re-encoded by the server: %s, %v; want %s", h2, err, h1)
	}

	edited := strings.Replace(d.Body, digest.PersonalNote, "I enjoyed our talk about back-pressure in the ingestion pipeline.", 1)
	raw2, _ := digest.DraftMessage(digest.Draft{To: d.To, Subject: d.Subject, InReplyTo: d.InReplyTo, References: d.References, Body: edited}, digest.IDOf(app, s), me, now)
	if h3, _ := digest.DraftHash(raw2); h3 == h1 {
		t.Error("an edited draft hashes like the original")
	}
}

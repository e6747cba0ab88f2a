package state

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/classify"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func open(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "state.db"), Options{Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func msg(id, from, subject string, at time.Time, refs ...string) *mailparse.Message {
	m := &mailparse.Message{MessageID: id, Subject: subject, Date: at, From: mailparse.Address{Addr: from}, To: []mailparse.Address{{Addr: "me@example.com"}}}
	if len(refs) > 0 {
		m.InReplyTo = refs[len(refs)-1:]
		m.References = refs
	}
	return m
}

func job(uid uint32, m *mailparse.Message, cat classify.Category, company, role string) Incoming {
	return Incoming{UID: uid, Msg: m, Class: classify.Result{Category: cat, Confidence: 0.9},
		Company: company, CompanyKey: company, Role: role, RoleKey: role, Relay: "greenhouse.io"}
}

func commit(t *testing.T, s *Store, mailbox string, last uint32, ins ...Incoming) CommitResult {
	t.Helper()
	r, err := s.Commit(context.Background(), Batch{Mailbox: mailbox, UIDValidity: 7, LastUID: last, Seen: len(ins), Messages: ins})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func apps(t *testing.T, s *Store) []Application {
	t.Helper()
	a, err := s.Applications(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestFileIsPrivate(t *testing.T) {
	s := open(t)
	fi, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("state file mode %o, want 600", fi.Mode().Perm())
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(context.Background(), path, Options{})
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("got %v, want ErrNewerSchema", err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	commit(t, s, "INBOX", 1, job(1, msg("a@x", "jobs@greenhouse.io", "Thanks for applying", t0), classify.ApplicationReceived, "acme", "engineer"))
	s.Close()
	s, err = Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := len(apps(t, s)); got != 1 {
		t.Fatalf("after reopen: %d applications, want 1", got)
	}
}

func TestSameMessageInTwoFoldersIsOne(t *testing.T) {
	s := open(t)
	m := msg("same@x", "jobs@greenhouse.io", "Interview", t0)
	r1 := commit(t, s, "INBOX", 5, job(5, m, classify.InterviewInvitation, "acme", "engineer"))
	r2 := commit(t, s, "[Gmail]/All Mail", 90, job(90, m, classify.InterviewInvitation, "acme", "engineer"))
	if r1.Added != 1 || r2.Added != 0 || r2.Duplicates != 1 {
		t.Fatalf("added %d then %d (dups %d), want 1 then 0 (1 duplicate)", r1.Added, r2.Added, r2.Duplicates)
	}
	c, _ := s.Counts(context.Background())
	if c.Messages != 1 {
		t.Fatalf("%d messages stored, want 1", c.Messages)
	}
}

func TestCursorCoversMessagesAndNeverMovesBack(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	commit(t, s, "INBOX", 10, job(10, msg("m10@x", "a@greenhouse.io", "x", t0), classify.ApplicationReceived, "acme", ""))
	// A replay of an older batch (as after a crash and restart) adds nothing
	// and does not move the cursor back.
	r := commit(t, s, "INBOX", 4, job(4, msg("m4@x", "a@greenhouse.io", "y", t0), classify.ApplicationReceived, "beta", ""))
	if r.Added != 0 {
		t.Fatalf("replayed batch below the cursor added %d messages", r.Added)
	}
	c, ok, err := s.Cursor(ctx, "INBOX")
	if err != nil || !ok || c.LastUID != 10 {
		t.Fatalf("cursor %+v ok=%v err=%v, want last UID 10", c, ok, err)
	}
}

func TestFailedCommitChangesNothing(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	commit(t, s, "INBOX", 3)
	// A batch for another UIDVALIDITY must be refused whole.
	_, err := s.Commit(ctx, Batch{Mailbox: "INBOX", UIDValidity: 8, LastUID: 9,
		Messages: []Incoming{job(9, msg("m9@x", "a@greenhouse.io", "x", t0), classify.Rejection, "acme", "")}})
	if err == nil {
		t.Fatal("commit with a different UIDVALIDITY succeeded")
	}
	c, _, _ := s.Cursor(ctx, "INBOX")
	n, _ := s.Counts(ctx)
	if c.LastUID != 3 || n.Messages != 0 {
		t.Fatalf("after a refused batch: cursor %d, %d messages; want 3 and 0", c.LastUID, n.Messages)
	}
}

func TestUIDValidityResetRescansWithoutDuplicates(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	m := msg("keep@x", "a@greenhouse.io", "x", t0)
	commit(t, s, "INBOX", 1, job(1, m, classify.ApplicationReceived, "acme", ""))
	if err := s.ResetMailbox(ctx, "INBOX", 99); err != nil {
		t.Fatal(err)
	}
	r, err := s.Commit(ctx, Batch{Mailbox: "INBOX", UIDValidity: 99, LastUID: 1, Messages: []Incoming{job(1, m, classify.ApplicationReceived, "acme", "")}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Added != 0 {
		t.Fatalf("rescan after UIDVALIDITY change added %d messages, want 0", r.Added)
	}
	c, _, _ := s.Cursor(ctx, "INBOX")
	if c.UIDValidity != 99 || c.LastUID != 1 {
		t.Fatalf("cursor %+v", c)
	}
}

func TestGrouping(t *testing.T) {
	s := open(t)
	ack := msg("ack@x", "no-reply@greenhouse.io", "Thanks for applying to Acme", t0)
	other := msg("ack2@x", "no-reply@greenhouse.io", "Thanks for applying to Beta", t0)
	role2 := msg("ack3@x", "no-reply@greenhouse.io", "Thanks for applying to Acme", t0)
	commit(t, s, "INBOX", 3,
		job(1, ack, classify.ApplicationReceived, "acme", "backend engineer"),
		job(2, other, classify.ApplicationReceived, "beta", "backend engineer"),
		job(3, role2, classify.ApplicationReceived, "acme", "data analyst"))
	if got := len(apps(t, s)); got != 3 {
		t.Fatalf("%d applications, want 3 (two companies behind one relay, two roles at one)", got)
	}
	// The user's reply in Sent, read later, joins by thread; the recruiter's
	// answer to it (no company named) joins through the thread too.
	sent := msg("sent1@me", "me@example.com", "Re: Thanks for applying to Acme", t0.Add(time.Hour), "ack@x")
	sent.To = []mailparse.Address{{Addr: "dana@acme.example"}}
	commit(t, s, "Sent", 1, Incoming{UID: 1, Msg: sent, Outbound: true})
	reply := msg("r1@x", "dana@gmail.com", "Re: Re: Thanks", t0.Add(2*time.Hour), "ack@x", "sent1@me")
	commit(t, s, "INBOX", 4, Incoming{UID: 4, Msg: reply, Class: classify.Result{Category: classify.RecruiterReply, Confidence: 0.9}, FreeMail: true})
	var acme Application
	for _, a := range apps(t, s) {
		if a.CompanyKey == "acme" && a.RoleKey == "backend engineer" {
			acme = a
		}
	}
	if len(acme.Messages) != 3 {
		t.Fatalf("acme backend application has %d messages, want 3 (ack, sent reply, recruiter reply)", len(acme.Messages))
	}
}

func TestSentBeforeReplyIsAdopted(t *testing.T) {
	s := open(t)
	sent := msg("s@me", "me@example.com", "Application: Data Analyst", t0)
	commit(t, s, "Sent", 1, Incoming{UID: 1, Msg: sent, Outbound: true})
	reply := msg("r@x", "hr@orbit.example", "Re: Application: Data Analyst", t0.Add(time.Hour), "s@me")
	in := Incoming{UID: 1, Msg: reply, Class: classify.Result{Category: classify.InterviewInvitation, Confidence: 0.9}, Company: "Orbit", CompanyKey: "orbit", Domain: "orbit.example"}
	commit(t, s, "INBOX", 1, in)
	a := apps(t, s)
	if len(a) != 1 || len(a[0].Messages) != 2 {
		t.Fatalf("got %d applications; want 1 holding the user's message and the reply", len(a))
	}
	// A later message from the user to the company's domain joins it.
	f := msg("s2@me", "me@example.com", "Thank you", t0.Add(48*time.Hour))
	f.To = []mailparse.Address{{Addr: "someone-else@orbit.example"}}
	commit(t, s, "Sent", 2, Incoming{UID: 2, Msg: f, Outbound: true})
	if got := len(apps(t, s)[0].Messages); got != 3 {
		t.Fatalf("application has %d messages after a mail to the company's domain, want 3", got)
	}
}

func TestCorrectionsAndMerge(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	commit(t, s, "INBOX", 2,
		job(1, msg("a@x", "no-reply@greenhouse.io", "x", t0), classify.ApplicationReceived, "acme", ""),
		job(2, msg("b@x", "no-reply@lever.co", "y", t0), classify.ApplicationReceived, "acme inc", ""))
	a := apps(t, s)
	if len(a) != 2 {
		t.Fatalf("%d applications, want 2", len(a))
	}
	if err := s.Mark(ctx, a[0].ID, "rejected"); err != nil {
		t.Fatal(err)
	}
	if err := s.Merge(ctx, a[0].ID, a[1].ID); err != nil {
		t.Fatal(err)
	}
	// New mail under the merged identity goes to the surviving application.
	commit(t, s, "INBOX", 3, job(3, msg("c@x", "no-reply@lever.co", "z", t0.Add(time.Hour)), classify.InterviewInvitation, "acme inc", ""))
	a = apps(t, s)
	if len(a) != 1 || len(a[0].Messages) != 3 {
		t.Fatalf("after merge: %d applications (%v), want 1 with 3 messages", len(a), a)
	}
	if a[0].Override != "rejected" {
		t.Fatalf("override %q did not stick through new mail", a[0].Override)
	}
	if err := s.Mark(ctx, 999, "offered"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("marking an unknown application: %v", err)
	}
}

func TestIntegrity(t *testing.T) {
	s := open(t)
	if err := s.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestRoleWrittenTwiceIsOneApplication(t *testing.T) {
	s := open(t)
	commit(t, s, "INBOX", 3,
		job(1, msg("r1@x", "no-reply@greenhouse.io", "a", t0), classify.ApplicationReceived, "tessellate", "senior software engineer fleet platform"),
		job(2, msg("r2@x", "no-reply@greenhouse.io", "b", t0.Add(time.Hour)), classify.Offer, "tessellate", "senior software engineer"),
		job(3, msg("r3@x", "no-reply@greenhouse.io", "c", t0.Add(time.Hour)), classify.ApplicationReceived, "tessellate", "software engineer"))
	if got := len(apps(t, s)); got != 2 {
		t.Fatalf("%d applications, want 2 (a role written with and without its team is one; a different title is another)", got)
	}
}

// A database written before thread links had their own table keeps its
// threads after the upgrade: the links are rebuilt from the stored headers.
func TestUpgradeRebuildsThreadLinks(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := Open(ctx, path, Options{Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	// The company's answer arrives first; it names two earlier messages of
	// the user's, neither stored yet.
	reply := msg("r@x", "hr@orbit.example", "Re: Application: Data Analyst", t0.Add(time.Hour), "first@me", "second@me")
	commit(t, s, "INBOX", 1, Incoming{UID: 1, Msg: reply, Class: classify.Result{Category: classify.InterviewInvitation, Confidence: 0.9},
		Company: "Orbit", CompanyKey: "orbit", Domain: "orbit.example"})
	// Take the file back to schema 1.
	for _, q := range []string{`DROP TABLE message_refs`, `DROP INDEX messages_from`, `PRAGMA user_version = 1`} {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	s, err = Open(ctx, path, Options{Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var links int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM message_refs`).Scan(&links); err != nil {
		t.Fatal(err)
	}
	if links != 2 {
		t.Fatalf("%d thread links after the upgrade, want 2", links)
	}
	// Both of the user's messages, read now, join the application.
	commit(t, s, "Sent", 2,
		Incoming{UID: 1, Msg: msg("first@me", "me@example.com", "Application: Data Analyst", t0.Add(-48*time.Hour)), Outbound: true},
		Incoming{UID: 2, Msg: msg("second@me", "me@example.com", "Following up", t0.Add(-24*time.Hour), "first@me"), Outbound: true})
	a := apps(t, s)
	if len(a) != 1 || len(a[0].Messages) != 3 {
		t.Fatalf("got %d applications; want 1 with the reply and both of the user's messages", len(a))
	}
}

func TestContacts(t *testing.T) {
	s := open(t)
	reply := msg("r@x", "Jo@Orbit.example", "Interview", t0)
	reply.From.Addr = "jo@orbit.example"
	commit(t, s, "INBOX", 1, Incoming{UID: 1, Msg: reply, Class: classify.Result{Category: classify.InterviewInvitation, Confidence: 0.9},
		Company: "Orbit", CompanyKey: "orbit", Domain: "orbit.example"})
	c, err := s.Contacts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for addr, want := range map[string]bool{"jo@orbit.example": true, "ceo@orbit.example": true, "jo@other.example": false, "": false} {
		if got := c.Has(addr); got != want {
			t.Errorf("Has(%q) = %v, want %v", addr, got, want)
		}
	}
}

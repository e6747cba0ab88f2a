package digest_test

import (
	"bytes"
	"io"
	"mime"
	"strings"
	"testing"

	"github.com/emersion/go-message/mail"

	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

func TestEmail(t *testing.T) {
	d := build()
	from := mailparse.Address{Name: "inboxwatch", Addr: "sam.rivera@fastmail.example"}
	raw, err := d.Email(from, sam, now)
	if err != nil {
		t.Fatal(err)
	}
	r, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("the digest email does not parse: %v", err)
	}
	h := r.Header
	if s, _ := h.Subject(); s != "inboxwatch: 3 follow-ups due today (Tue 3 Mar)" {
		t.Errorf("Subject %q", s)
	}
	if v := h.Get("Auto-Submitted"); v != "auto-generated" {
		t.Errorf("Auto-Submitted %q", v)
	}
	if id, _ := h.MessageID(); id == "" || !strings.HasSuffix(id, "@fastmail.example") {
		t.Errorf("Message-ID %q", id)
	}
	if date, err := h.Date(); err != nil || !date.Equal(now) {
		t.Errorf("Date %v %v", date, err)
	}
	if to, _ := h.AddressList("To"); len(to) != 1 || to[0].Address != sam.Addr {
		t.Errorf("To %v", to)
	}
	if mt, _, _ := mime.ParseMediaType(h.Get("Content-Type")); mt != "multipart/alternative" {
		t.Errorf("Content-Type %q", h.Get("Content-Type"))
	}
	var types []string
	bodies := map[string]string{}
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		ih := p.Header.(*mail.InlineHeader)
		ct, params, _ := ih.ContentType()
		if params["charset"] != "utf-8" {
			t.Errorf("%s charset %q", ct, params["charset"])
		}
		b, _ := io.ReadAll(p.Body)
		types = append(types, ct)
		bodies[ct] = string(b)
	}
	if strings.Join(types, ",") != "text/plain,text/html" {
		t.Fatalf("parts %v, want text then HTML (the last is preferred)", types)
	}
	if got := strings.ReplaceAll(bodies["text/plain"], "\r\n", "\n"); got != d.Text() {
		t.Error("the text part is not the terminal digest")
	}
	if !strings.Contains(bodies["text/html"], "Northwind Logistics — Platform Engineer") {
		t.Error("the HTML part lacks the due follow-ups")
	}
	for _, l := range strings.Split(string(raw), "\r\n") {
		if len(l) > 998 {
			t.Fatalf("a line of %d bytes breaks RFC 5322", len(l))
		}
	}
	if _, err := d.Email(mailparse.Address{}, sam, now); err == nil {
		t.Error("an email without a sender was built")
	}
}

//go:build linux

package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"mime/quotedprintable"
	"strings"
	"time"
)

// noise is base64 text of pseudo-random bytes in 76-character lines, cut
// into attachments: cheap to make, and incompressible like real files.
type noise struct {
	b64   []byte
	lines int
}

const noiseLine = 77 // 76 characters and a newline
const noiseLineBytes = 57

func newNoise(seed uint64, size int) *noise {
	raw := make([]byte, size)
	cc := rand.NewChaCha8([32]byte{byte(seed), byte(seed >> 8), byte(seed >> 16), byte(seed >> 24), 'n', 'o', 'i', 's', 'e'})
	cc.Read(raw)
	n := &noise{lines: size / noiseLineBytes}
	n.b64 = make([]byte, 0, n.lines*noiseLine)
	line := make([]byte, 76)
	for i := range n.lines {
		base64.StdEncoding.Encode(line, raw[i*noiseLineBytes:(i+1)*noiseLineBytes])
		n.b64 = append(n.b64, line...)
		n.b64 = append(n.b64, '\n')
	}
	return n
}

// attachment returns base64 lines encoding about size bytes.
func (n *noise) attachment(r *rand.Rand, size int) []byte {
	k := min((size+noiseLineBytes-1)/noiseLineBytes, n.lines)
	start := r.IntN(n.lines - k + 1)
	return n.b64[start*noiseLine : (start+k)*noiseLine]
}

// token is a random base64 string of n characters, for signatures and
// tracking links.
func (n *noise) token(r *rand.Rand, size int) string {
	var sb strings.Builder
	for sb.Len() < size {
		line := n.b64[r.IntN(n.lines)*noiseLine:]
		sb.Write(line[:min(76, size-sb.Len())])
	}
	return strings.NewReplacer("+", "A", "/", "B").Replace(sb.String())
}

// content is what a message says, before MIME assembly.
type content struct {
	plain, html string
	calendar    string
	attachCT    string
	attachName  string
	attachSize  int
	header      []string // extra header lines
}

// renderer writes messages of a corpus.
type renderer struct {
	c     *corpus
	noise *noise
}

// render writes the raw message of m into buf, with LF line ends.
func (g *renderer) render(m *plan, buf *bytes.Buffer) {
	r := rand.New(rand.NewPCG(m.seed, m.seed^0x9e3779b97f4a7c15))
	var ct content
	switch m.kind {
	case kNewsletter:
		g.newsletter(r, m, &ct)
	case kAlert:
		g.alert(r, m, &ct)
	case kSocial:
		g.social(r, m, &ct)
	case kDev:
		g.dev(r, m, &ct)
	case kTransaction:
		g.transaction(r, m, &ct)
	case kPersonal, kSentPersonal:
		g.personal(r, m, &ct)
	default:
		g.job(r, m, &ct)
	}
	if m.attach > 0 && ct.attachCT == "" {
		group := "notification"
		switch {
		case m.kind == kPersonal:
			group = "personal"
		case m.kind == kTransaction:
			group = "transaction"
		case m.kind == kNewsletter:
			group = "newsletter"
		case m.kind.job():
			group = "job"
		}
		a := pick(r, attachmentKinds[group])
		ct.attachCT, ct.attachName = a.ct, fmt.Sprintf(a.name, 1+r.IntN(9999))
	}
	ct.attachSize = m.attach
	g.headers(r, m, &ct, buf)
	g.mime(r, &ct, buf)
}

func (g *renderer) headers(r *rand.Rand, m *plan, ct *content, buf *bytes.Buffer) {
	date := m.date
	fromDomain := m.from.addr[strings.IndexByte(m.from.addr, '@')+1:]
	if m.box == inboxName {
		fmt.Fprintf(buf, "Return-Path: <bounce-%x@%s>\n", r.Uint32(), fromDomain)
		buf.WriteString("Delivered-To: " + g.c.me.addr + "\n")
		hops := 2 + r.IntN(3)
		for i := range hops {
			t := date.Add(time.Duration(hops-i) * time.Second)
			fmt.Fprintf(buf, "Received: from mta%d.%s (mta%d.%s [198.51.100.%d])\n\tby mx%d.example.com with ESMTPS id %s\n\tfor <%s>; %s\n",
				r.IntN(40), fromDomain, r.IntN(40), fromDomain, 1+r.IntN(250), 1+r.IntN(9), g.noise.token(r, 16), g.c.me.addr, t.Format(time.RFC1123Z))
		}
		fmt.Fprintf(buf, "Authentication-Results: mx.example.com;\n\tdkim=pass header.d=%s header.s=s%d;\n\tspf=pass smtp.mailfrom=%s;\n\tdmarc=pass (p=QUARANTINE) header.from=%s\n",
			fromDomain, 1+r.IntN(3), fromDomain, fromDomain)
		if m.kind != kPersonal {
			b := g.noise.token(r, 344)
			fmt.Fprintf(buf, "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=%s; s=s%d; t=%d;\n\th=from:to:subject:date:message-id:mime-version:content-type;\n\tbh=%s=;\n\tb=%s\n\t %s\n\t %s\n",
				fromDomain, 1+r.IntN(3), date.Unix(), g.noise.token(r, 43), b[:120], b[120:240], b[240:])
		}
	}
	fmt.Fprintf(buf, "Message-ID: <%s>\n", m.id)
	fmt.Fprintf(buf, "Date: %s\n", date.Format(time.RFC1123Z))
	fmt.Fprintf(buf, "From: %s\n", m.from)
	fmt.Fprintf(buf, "To: %s\n", m.to)
	fmt.Fprintf(buf, "Subject: %s\n", mimeWord(m.subject))
	if m.inReplyTo != "" {
		fmt.Fprintf(buf, "In-Reply-To: <%s>\n", m.inReplyTo)
	}
	if len(m.refs) > 0 {
		buf.WriteString("References:")
		for _, ref := range m.refs {
			fmt.Fprintf(buf, " <%s>\n", ref)
			buf.WriteByte('\t')
		}
		buf.Truncate(buf.Len() - 2)
		buf.WriteByte('\n')
	}
	for _, h := range ct.header {
		buf.WriteString(h)
		buf.WriteByte('\n')
	}
	buf.WriteString("MIME-Version: 1.0\n")
}

// mimeWord encodes a subject that is not plain ASCII.
func mimeWord(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return "=?UTF-8?B?" + base64.StdEncoding.EncodeToString([]byte(s)) + "?="
		}
	}
	return s
}

func qp(s string) string {
	var b bytes.Buffer
	w := quotedprintable.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return strings.ReplaceAll(b.String(), "\r\n", "\n")
}

func boundary(r *rand.Rand) string {
	return fmt.Sprintf("----=_Part_%d_%d.%d", r.IntN(1e6), r.Uint32(), r.IntN(1e9))
}

// mime writes the content type headers and body.
func (g *renderer) mime(r *rand.Rand, ct *content, buf *bytes.Buffer) {
	text := func() {
		switch {
		case ct.plain != "" && ct.html != "":
			b := boundary(r)
			fmt.Fprintf(buf, "Content-Type: multipart/alternative; boundary=\"%s\"\n\n", b)
			fmt.Fprintf(buf, "--%s\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n%s\n", b, qp(ct.plain))
			fmt.Fprintf(buf, "--%s\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n%s\n", b, qp(ct.html))
			fmt.Fprintf(buf, "--%s--\n", b)
		case ct.html != "":
			fmt.Fprintf(buf, "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n%s\n", qp(ct.html))
		default:
			fmt.Fprintf(buf, "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n%s\n", qp(ct.plain))
		}
	}
	if ct.calendar == "" && ct.attachSize == 0 {
		text()
		return
	}
	b := boundary(r)
	fmt.Fprintf(buf, "Content-Type: multipart/mixed; boundary=\"%s\"\n\nThis is a multi-part message in MIME format.\n\n--%s\n", b, b)
	text()
	if ct.calendar != "" {
		fmt.Fprintf(buf, "--%s\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\nContent-Transfer-Encoding: 7bit\n\n%s", b, ct.calendar)
		fmt.Fprintf(buf, "--%s\nContent-Type: application/ics; name=\"invite.ics\"\nContent-Disposition: attachment; filename=\"invite.ics\"\nContent-Transfer-Encoding: base64\n\n%s\n",
			b, wrapBase64(ct.calendar))
	}
	if ct.attachSize > 0 {
		fmt.Fprintf(buf, "--%s\nContent-Type: %s; name=\"%s\"\nContent-Disposition: attachment; filename=\"%s\"\nContent-Transfer-Encoding: base64\n\n",
			b, ct.attachCT, ct.attachName, ct.attachName)
		buf.Write(g.noise.attachment(r, ct.attachSize))
	}
	fmt.Fprintf(buf, "--%s--\n", b)
}

func wrapBase64(s string) string {
	e := base64.StdEncoding.EncodeToString([]byte(s))
	var sb strings.Builder
	for len(e) > 76 {
		sb.WriteString(e[:76])
		sb.WriteByte('\n')
		e = e[76:]
	}
	sb.WriteString(e)
	return sb.String()
}

// listHeaders are the headers of bulk mail.
func (g *renderer) listHeaders(r *rand.Rand, s sender, ct *content, precedence bool) {
	domain := s.addr[strings.IndexByte(s.addr, '@')+1:]
	tok := g.noise.token(r, 32)
	ct.header = append(ct.header,
		fmt.Sprintf("List-Unsubscribe: <https://%s/unsubscribe/%s>,\n <mailto:unsubscribe@%s?subject=unsubscribe-%s>", domain, tok, domain, tok[:12]),
		"List-Unsubscribe-Post: List-Unsubscribe=One-Click",
		fmt.Sprintf("Feedback-ID: %d:%d:campaign:%s", r.IntN(1e6), r.IntN(1e4), strings.Split(domain, ".")[0]),
		fmt.Sprintf("X-Campaign-ID: %s", g.noise.token(r, 20)))
	if s.list != "" {
		ct.header = append(ct.header, fmt.Sprintf("List-Id: %s <%s>", s.name, s.list))
	}
	if precedence {
		ct.header = append(ct.header, "Precedence: bulk")
	}
}

// htmlPage is a marketing-style HTML page of about size bytes.
func (g *renderer) htmlPage(r *rand.Rand, bank []string, domain, title string, size int, blocks func(sb *strings.Builder)) string {
	var sb strings.Builder
	sb.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>`)
	sb.WriteString(title)
	sb.WriteString(`</title><style type="text/css">body{margin:0;padding:0;background:#f4f4f4}table{border-collapse:collapse}` +
		`img{border:0;display:block;outline:none;text-decoration:none}.wrapper{width:100%;table-layout:fixed}` +
		`.content{max-width:600px;margin:0 auto;background:#ffffff}h1,h2,h3{font-family:Georgia,serif;color:#1a1a1a}` +
		`@media screen and (max-width:600px){.content{width:100%!important}.stack{display:block!important;width:100%!important}}` +
		`a{color:#0b6e99}.btn{background:#0b6e99;color:#ffffff;border-radius:4px;padding:12px 24px;text-decoration:none}</style></head>`)
	sb.WriteString(`<body><center class="wrapper"><table role="presentation" class="content" width="600" cellpadding="0" cellspacing="0" border="0">`)
	fmt.Fprintf(&sb, `<tr><td style="padding:24px 32px;"><img src="https://img.%s/brand/logo-%s.png" width="160" height="40" alt="%s"></td></tr>`, domain, g.noise.token(r, 8), title)
	if blocks != nil {
		blocks(&sb)
	}
	for sb.Len() < size {
		fmt.Fprintf(&sb, `<tr><td class="stack" style="padding:16px 32px;font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:24px;color:#333333;">`+
			`<h2 style="margin:0 0 8px 0;font-size:22px;line-height:28px;">%s</h2><p style="margin:0 0 12px 0;">%s</p>`+
			`<a class="btn" href="https://click.%s/ls/click?upn=%s" style="display:inline-block;">Read more</a>`+
			`<img src="https://img.%s/i/%s.jpg" width="536" height="%d" alt="" style="margin-top:12px;"></td></tr>`,
			strings.TrimSuffix(pick(r, bank), "."), paragraph(r, bank, 2+r.IntN(3)), domain, g.noise.token(r, 90+r.IntN(60)), domain, g.noise.token(r, 24), 180+r.IntN(200))
	}
	fmt.Fprintf(&sb, `<tr><td style="padding:24px 32px;font-size:12px;color:#888888;font-family:Helvetica,Arial,sans-serif;">You are receiving this email because you signed up at %s. `+
		`<a href="https://%s/preferences/%s">Update your preferences</a> or <a href="https://%s/unsubscribe/%s">unsubscribe</a>.<br>%s Ltd, 12 Example Street, London</td></tr>`,
		domain, domain, g.noise.token(r, 40), domain, g.noise.token(r, 40), title)
	sb.WriteString(`</table></center><img src="https://open.` + domain + `/o/` + g.noise.token(r, 60) + `.gif" width="1" height="1" alt=""></body></html>`)
	return sb.String()
}

func domainOf(addr string) string { return addr[strings.IndexByte(addr, '@')+1:] }

func (g *renderer) newsletter(r *rand.Rand, m *plan, ct *content) {
	g.listHeaders(r, m.send, ct, r.IntN(10) < 3)
	domain := domainOf(m.send.addr)
	ct.html = g.htmlPage(r, newsSentences, domain, m.send.name, 15_000+r.IntN(75_000), nil)
	if r.IntN(4) > 0 {
		var sb strings.Builder
		fmt.Fprintf(&sb, "%s\n\nView this email in your browser: https://%s/view/%s\n\n", m.send.name, domain, g.noise.token(r, 30))
		for range 3 + r.IntN(8) {
			sb.WriteString(wrap(paragraph(r, newsSentences, 3+r.IntN(4)), 72))
			fmt.Fprintf(&sb, "Read more: https://click.%s/ls/click?upn=%s\n\n", domain, g.noise.token(r, 60))
		}
		fmt.Fprintf(&sb, "Unsubscribe: https://%s/unsubscribe\n", domain)
		ct.plain = sb.String()
	}
}

func (g *renderer) alert(r *rand.Rand, m *plan, ct *content) {
	g.listHeaders(r, m.send, ct, false)
	domain := domainOf(m.send.addr)
	var plain strings.Builder
	var rows strings.Builder
	plain.WriteString("Jobs that match your saved search\n\n")
	for range 5 + r.IntN(10) {
		role, company := pick(r, roles), pick(r, companyFirst)+" "+pick(r, companySecond)
		city := pick(r, []string{"Berlin", "Remote", "Hamburg", "Munich", "Amsterdam", "London (hybrid)"})
		link := fmt.Sprintf("https://www.%s/jobs/view/%d/?trk=%s", domain, 3_000_000_000+r.IntN(1e9), g.noise.token(r, 40))
		fmt.Fprintf(&plain, "%s\n%s · %s\nView job: %s\n\n", role, company, city, link)
		fmt.Fprintf(&rows, `<tr><td style="padding:12px 24px;font-family:Helvetica,Arial,sans-serif;"><a href="%s" style="font-size:18px;font-weight:bold;color:#0a66c2;">%s</a>`+
			`<p style="margin:4px 0;color:#444;">%s · %s</p><p style="margin:0;color:#888;font-size:13px;">Actively recruiting · %d applicants</p></td></tr>`,
			link, role, company, city, 5+r.IntN(200))
	}
	plain.WriteString("You are receiving job alert emails. Manage your alerts: https://www." + domain + "/jobs/alerts\n")
	ct.plain = plain.String()
	ct.html = g.htmlPage(r, newsSentences, domain, m.send.name, 20_000+r.IntN(30_000), func(sb *strings.Builder) { sb.WriteString(rows.String()) })
}

func (g *renderer) social(r *rand.Rand, m *plan, ct *content) {
	g.listHeaders(r, m.send, ct, false)
	domain := domainOf(m.send.addr)
	ct.plain = fmt.Sprintf("%s\n\n%s\n\nSee it on %s: https://%s/n/%s\n\nTurn off these emails: https://%s/settings/notifications\n",
		m.subject, wrap(paragraph(r, newsSentences, 1+r.IntN(3)), 72), m.send.name, domain, g.noise.token(r, 24), domain)
	ct.html = g.htmlPage(r, newsSentences, domain, m.send.name, 8_000+r.IntN(30_000), nil)
}

func (g *renderer) dev(r *rand.Rand, m *plan, ct *content) {
	g.listHeaders(r, m.send, ct, false)
	ct.header = append(ct.header, "X-DevHub-Reason: subscribed", "X-Auto-Response-Suppress: All")
	var sb strings.Builder
	for range 1 + r.IntN(4) {
		sb.WriteString(wrap(paragraph(r, devSentences, 2+r.IntN(4)), 72))
		sb.WriteByte('\n')
	}
	if r.IntN(3) == 0 {
		sb.WriteString("```\n")
		for range 3 + r.IntN(12) {
			fmt.Fprintf(&sb, "    at pkg/%s.(*%s).%s(%s.go:%d)\n", pick(r, fillerWords), strings.ToUpper(pick(r, fillerWords)[:1]), pick(r, fillerWords), pick(r, fillerWords), 10+r.IntN(900))
		}
		sb.WriteString("```\n\n")
	}
	fmt.Fprintf(&sb, "—\nReply to this email directly, view it on DevHub: https://devhub.io/%s\nYou are receiving this because you are subscribed to this thread.\n", g.noise.token(r, 20))
	ct.plain = sb.String()
	ct.html = "<p>" + strings.ReplaceAll(ct.plain, "\n\n", "</p>\n<p>") + "</p>" + fmt.Sprintf(`<img src="https://devhub.io/notifications/beacon/%s.gif" height="1" width="1" alt="">`, g.noise.token(r, 60))
}

func (g *renderer) transaction(r *rand.Rand, m *plan, ct *content) {
	if r.IntN(10) < 3 {
		ct.header = append(ct.header, "Auto-Submitted: auto-generated")
	}
	domain := domainOf(m.send.addr)
	ct.plain = fmt.Sprintf("Hello Sam,\n\n%s\n%s\nReference: %s\n\nIf you did not expect this message, contact us at https://%s/help.\n\n%s\n",
		wrap(paragraph(r, txSentences, 2+r.IntN(3)), 72), wrap(paragraph(r, txSentences, 1+r.IntN(2)), 72), g.noise.token(r, 12), domain, m.send.name)
	if r.IntN(10) < 7 {
		ct.html = g.htmlPage(r, txSentences, domain, m.send.name, 6_000+r.IntN(24_000), nil)
	}
}

func (g *renderer) personal(r *rand.Rand, m *plan, ct *content) {
	var sb strings.Builder
	sb.WriteString(pick(r, []string{"Hi ", "Hey ", "Hello ", ""}) + m.to.first() + ",\n\n")
	for range 1 + r.IntN(4) {
		sb.WriteString(pick(r, personalLines))
		sb.WriteByte(' ')
	}
	if r.IntN(2) == 0 {
		sb.WriteString(paragraph(r, personalSentences, 1+r.IntN(3)))
	}
	sb.WriteString("\n\n" + pick(r, []string{"Cheers", "Love", "Talk soon", "Best", "x"}) + ",\n" + m.from.first() + "\n")
	body := wrap(sb.String(), 72)
	if m.inReplyTo != "" {
		var q strings.Builder
		fmt.Fprintf(&q, "\nOn %s, %s wrote:\n", m.date.Add(-time.Duration(1+r.IntN(48))*time.Hour).Format("Mon, 2 Jan 2006 at 15:04"), m.to)
		for _, l := range strings.Split(wrap(paragraph(r, personalSentences, 2+r.IntN(4)), 70), "\n") {
			q.WriteString("> " + l + "\n")
		}
		body += q.String()
	}
	ct.plain = body
	if r.IntN(10) < 4 {
		ct.html = `<div dir="ltr">` + strings.ReplaceAll(body, "\n", "<br>") + `</div>`
	}
}

// job writes the mail of an application: the hiring system's receipts and
// rejections, recruiters' answers and invitations, offers, out-of-office
// replies, and the user's own messages.
func (g *renderer) job(r *rand.Rand, m *plan, ct *content) {
	a := m.app
	me := g.c.me
	sign := func(p person, title string) string {
		return fmt.Sprintf("%s\n%s, %s", p.name, title, a.company)
	}
	day := pick(r, weekdays)
	when := m.date.Add(time.Duration(3+r.IntN(6)) * dayDur)
	switch m.kind {
	case kAck:
		switch a.relay {
		case "greenhouse":
			m.subject = "Thank you for applying to " + a.company
			ct.plain = fmt.Sprintf("Hi %s,\n\nThank you for your interest in %s! We have received your application for the %s position and wanted to let you know that it is now with our recruiting team.\n\n"+
				"We review every application carefully. If your experience looks like a match for the role, someone from the team will reach out to you about next steps.\n\n"+
				"Thanks again for thinking of %s for the next step in your career.\n\nBest regards,\nThe %s Recruiting Team\n\nPlease do not reply to this message; this inbox is not monitored.\n",
				me.first(), a.company, a.role, a.company, a.company)
		case "lever":
			m.subject = "Your application to " + a.company
			ct.plain = fmt.Sprintf("Hi %s,\n\nThanks for applying for the %s role at %s. Your application has been received, and a member of our team will review it soon.\n\n"+
				"If there is a fit, we will be in touch to talk about the next steps. In the meantime, feel free to learn more about us at https://%s/about.\n\nAll the best,\n%s\n",
				me.first(), a.role, a.company, a.domain, a.company)
		case "workday":
			m.subject = fmt.Sprintf("Application received: %s (%s)", a.role, a.req)
			ct.plain = fmt.Sprintf("Dear %s,\n\nThank you for applying for the %s position (requisition %s) at %s. This email confirms that we have received your application.\n\n"+
				"You can check the status of your application at any time by signing in to our careers site. We will contact you if your qualifications match our needs.\n\n"+
				"Kind regards,\n%s Talent Acquisition\n\nThis is an automated message; replies to this address are not read.\n", me.name, a.role, a.req, a.company, a.company)
		default:
			m.subject = "Thanks for applying to " + a.company + "!"
			ct.plain = fmt.Sprintf("Hi %s,\n\nWe have received your application for %s at %s - thank you for your interest in joining us.\n\n"+
				"Our hiring team is reviewing applications and will get back to you if your background matches what we are looking for.\n\nWarmly,\n%s Recruiting\n",
				me.first(), a.role, a.company, a.company)
		}
		ct.html = g.brandedHTML(r, a, ct.plain)
	case kReject:
		if m.subject == "" {
			m.subject = pick(r, []string{"Your application to " + a.company, "Update on your " + a.role + " application", a.company + ": " + a.role})
		}
		ct.plain = fmt.Sprintf("Hi %s,\n\nThank you for taking the time to apply for the %s role at %s, and for your interest in joining our team.\n\n"+
			"%s\n\nWe will keep your details on file and encourage you to apply again for future openings that match your experience.\n\n"+
			"We wish you every success in your job search.\n\nKind regards,\n%s Talent Acquisition\n",
			me.first(), a.role, a.company,
			pick(r, []string{
				"We received many strong applications. After careful review, we have decided not to move forward with your application at this time.",
				"Unfortunately, we have decided to proceed with other candidates whose experience more closely matches the requirements of this position.",
				"After careful consideration, we regret to inform you that we will not be progressing your application further.",
			}), a.company)
		if m.from.addr != a.recruiter.addr {
			ct.html = g.brandedHTML(r, a, ct.plain)
		}
	case kInvite:
		if m.subject == "" {
			m.subject = pick(r, []string{"Interview invitation: " + a.role + " at " + a.company, a.company + ": next steps for the " + a.role + " role", "Invitation to interview - " + a.role})
		}
		ct.plain = fmt.Sprintf("Hi %s,\n\nThanks again for your application to %s. The team enjoyed reading about your work, and we would like to invite you to an interview for the %s position.\n\n"+
			"The interview is a 45-minute video call with %s, our engineering manager. Would %s, %s at %d:00 work for you? If not, please send me two or three times that suit you next week and I will set it up.\n\n"+
			"Looking forward to speaking with you.\n\nBest,\n%s\n",
			me.first(), a.company, a.role, a.manager.name, day, when.Format("2 January"), 10+r.IntN(7), sign(m.from, "Talent Partner"))
		if m.inReplyTo != "" {
			ct.plain += quoteOf(r, me, m.date)
		}
		if m.calendar {
			start := time.Date(when.Year(), when.Month(), when.Day(), 10+r.IntN(7), 0, 0, 0, time.UTC)
			ct.calendar = fmt.Sprintf("BEGIN:VCALENDAR\nPRODID:-//%s//Scheduling//EN\nVERSION:2.0\nMETHOD:REQUEST\nBEGIN:VEVENT\nUID:%s\nDTSTAMP:%s\nDTSTART:%s\nDTEND:%s\n"+
				"SUMMARY:Interview: %s (%s)\nLOCATION:https://meet.%s/%s\nORGANIZER;CN=%s:mailto:%s\nATTENDEE;CN=%s;RSVP=TRUE:mailto:%s\nSTATUS:CONFIRMED\nEND:VEVENT\nEND:VCALENDAR\n",
				a.company, m.id, m.date.UTC().Format("20060102T150405Z"), start.Format("20060102T150405Z"), start.Add(45*time.Minute).Format("20060102T150405Z"),
				a.role, a.company, a.domain, g.noise.token(r, 10), m.from.name, m.from.addr, me.name, me.addr)
		}
	case kOffer:
		ct.plain = fmt.Sprintf("Dear %s,\n\nI am very happy to let you know that we would like to offer you the position of %s at %s. Everyone you met was impressed, and we believe you would be a great addition to the team.\n\n"+
			"The offer includes a base salary of EUR %d,000 per year, 30 days of paid holiday and a start date of %s. The full offer letter will follow by email for your signature; please let us know your decision by %s.\n\n"+
			"Congratulations, and do call me if you have any questions.\n\nWarm regards,\n%s\n",
			me.first(), a.role, a.company, 70+r.IntN(50), m.date.Add(45*dayDur).Format("2 January 2006"), m.date.Add(7*dayDur).Format("Monday, 2 January"), sign(m.from, "Head of Talent"))
		ct.html = `<div>` + strings.ReplaceAll(ct.plain, "\n", "<br>\n") + `</div>`
	case kRecruiterReply:
		ct.plain = fmt.Sprintf("Hi %s,\n\n%s\n\nBest regards,\n%s\n", me.first(),
			pick(r, []string{
				fmt.Sprintf("Thank you for reaching out and for sending your CV. I have shared your profile with the hiring manager for the %s role and will get back to you with feedback by the end of next week.", a.role),
				fmt.Sprintf("Thanks for your note and your interest in the %s position. Your background looks relevant; I have passed your application to the team and will let you know about next steps within a few days.", a.role),
			}), sign(m.from, "Recruiter")) + quoteOf(r, me, m.date)
	case kAutoReply:
		ct.header = append(ct.header, "Auto-Submitted: auto-replied", "X-Autoreply: yes", "Precedence: auto_reply")
		back := m.date.Add(time.Duration(3+r.IntN(10)) * dayDur)
		ct.plain = fmt.Sprintf("Thank you for your email. I am out of the office until %s with limited access to email. "+
			"For urgent recruiting questions please contact talent@%s. I will reply as soon as I can after my return.\n\n%s\n",
			back.Format("Monday, 2 January"), a.domain, m.from.name)
	case kSentApplication:
		ct.plain = fmt.Sprintf("Dear %s,\n\nI would like to apply for the %s position at %s that I saw on your careers page. I have eight years of experience building and running backend services in Go and Python, most recently leading the move of a payments platform to Kubernetes.\n\n"+
			"My CV is attached. I would be glad to tell you more about my work in a call.\n\nKind regards,\n%s\n", m.to.first(), a.role, a.company, me.name)
		ct.attachCT, ct.attachName = "application/pdf", "Sam_Rivera_CV.pdf"
	case kSentThanks:
		ct.plain = fmt.Sprintf("Hi %s,\n\nThank you for taking the time to speak with me about the %s role. I enjoyed learning about the team's plans, and I am even more excited about the opportunity.\n\n"+
			"Please let me know if there is anything else you need from me.\n\nBest,\n%s\n", m.to.first(), a.role, me.name) + quoteOf(r, m.to, m.date)
	case kSentFollowUp:
		ct.plain = fmt.Sprintf("Hi %s,\n\nI hope you are well. I wanted to follow up on my application for the %s position and ask whether there is any news on the timeline.\n\n"+
			"I remain very interested in the role and happy to provide anything else you need.\n\nBest regards,\n%s\n", m.to.first(), a.role, me.name)
	}
}

// quoteOf is a short quoted earlier message.
func quoteOf(r *rand.Rand, who person, at time.Time) string {
	var q strings.Builder
	fmt.Fprintf(&q, "\nOn %s, %s wrote:\n", at.Add(-time.Duration(1+r.IntN(72))*time.Hour).Format("Mon, 2 Jan 2006 at 15:04"), who)
	for _, l := range strings.Split(wrap(paragraph(r, jobQuoteSentences, 2+r.IntN(3)), 70), "\n") {
		if l != "" {
			q.WriteString("> " + l + "\n")
		}
	}
	return q.String()
}

// brandedHTML is a hiring system's HTML version of a plain text.
func (g *renderer) brandedHTML(r *rand.Rand, a *application, plain string) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, `<html><head><meta charset="utf-8"><style>body{font-family:Helvetica,Arial,sans-serif;color:#222;}p{line-height:1.5}</style></head><body>`+
		`<table width="600" align="center" cellpadding="0" cellspacing="0"><tr><td style="padding:24px"><img src="https://%s/assets/logo-%s.png" alt="%s" height="36"></td></tr><tr><td style="padding:0 24px">`,
		a.domain, g.noise.token(r, 8), a.company)
	for _, p := range strings.Split(strings.TrimSpace(plain), "\n\n") {
		sb.WriteString("<p>" + strings.ReplaceAll(p, "\n", "<br>") + "</p>\n")
	}
	fmt.Fprintf(&sb, `</td></tr><tr><td style="padding:24px;font-size:12px;color:#999">Powered by %s · <a href="https://%s/privacy">Privacy</a></td></tr></table>`+
		`<img src="https://%s/t/%s.gif" width="1" height="1"></body></html>`, a.relay, a.domain, a.domain, g.noise.token(r, 48))
	return sb.String()
}

package digest

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"time"
)

// The HTML is written for web mail: every style inline, tables for layout,
// no classes, no images, no scripts, and nothing wider than 640 pixels.
var page = template.Must(template.New("digest").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f3f4f6" style="background-color:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="max-width:640px;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:8px;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#111827;">
<tr><td style="padding:20px 24px 16px 24px;border-bottom:1px solid #e5e7eb;">
<div style="font-size:12px;color:#6b7280;text-transform:uppercase;letter-spacing:0.05em;">inboxwatch</div>
<div style="font-size:20px;font-weight:bold;color:#111827;margin-top:2px;">Follow-ups for {{.Date}}</div>
<div style="font-size:13px;color:#4b5563;margin-top:4px;">{{.Summary}}</div>
</td></tr>

<tr><td style="padding:20px 24px 4px 24px;">
<div style="font-size:16px;font-weight:bold;color:#111827;">Due now</div>
</td></tr>
{{- if not .Due}}
<tr><td style="padding:4px 24px 12px 24px;color:#4b5563;">Nothing to send today.</td></tr>
{{- end}}
{{- range .Due}}
<tr><td style="padding:8px 24px 12px 24px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border:1px solid {{if .Overdue}}#fca5a5{{else}}#d1d5db{{end}};border-radius:6px;">
<tr><td style="padding:12px 14px 4px 14px;">
<div style="font-size:15px;font-weight:bold;color:#111827;">{{.Heading}}</div>
<div style="font-size:13px;margin-top:2px;"><span style="display:inline-block;padding:1px 8px;border-radius:10px;background-color:#eef2ff;color:#3730a3;font-weight:bold;">{{.Kind}}</span>
<span style="color:{{if .Overdue}}#b91c1c{{else}}#4b5563{{end}};">&nbsp;{{.When}}</span></div>
<div style="font-size:13px;color:#374151;margin-top:6px;">{{.Why}}</div>
</td></tr>
<tr><td style="padding:8px 14px 0 14px;font-size:13px;color:#374151;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="font-size:13px;color:#374151;">
<tr><td valign="top" style="padding:0 10px 2px 0;color:#6b7280;">To</td><td style="padding:0 0 2px 0;">{{.To}}</td></tr>
<tr><td valign="top" style="padding:0 10px 2px 0;color:#6b7280;">Subject</td><td style="padding:0 0 2px 0;">{{.Subject}}</td></tr>
</table>
</td></tr>
<tr><td style="padding:8px 14px 12px 14px;">
<pre style="margin:0;padding:10px 12px;background-color:#f9fafb;border-left:3px solid #6366f1;white-space:pre-wrap;word-wrap:break-word;overflow-wrap:break-word;font-family:Menlo,Consolas,'Liberation Mono',monospace;font-size:13px;line-height:1.45;color:#111827;">{{.Body}}</pre>
{{- if .Mailto}}
<div style="margin-top:8px;font-size:13px;"><a href="{{.Mailto}}" style="color:#4338ca;text-decoration:underline;">Start this email</a></div>
{{- end}}
</td></tr>
</table>
</td></tr>
{{- end}}

{{- if .Upcoming}}
<tr><td style="padding:16px 24px 4px 24px;">
<div style="font-size:16px;font-weight:bold;color:#111827;">Coming up in the next 7 days</div>
</td></tr>
<tr><td style="padding:4px 24px 12px 24px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="font-size:13px;color:#374151;border-collapse:collapse;">
{{- range .Upcoming}}
<tr>
<td valign="top" style="padding:6px 12px 6px 0;border-top:1px solid #f3f4f6;white-space:nowrap;"><b>{{.When}}</b><br><span style="color:#6b7280;">{{.Rel}}</span></td>
<td valign="top" style="padding:6px 0;border-top:1px solid #f3f4f6;">{{.Heading}}<br><span style="color:#6b7280;">{{.Kind}}</span></td>
</tr>
{{- end}}
</table>
</td></tr>
{{- end}}

{{- if .Waiting}}
<tr><td style="padding:16px 24px 4px 24px;">
<div style="font-size:16px;font-weight:bold;color:#111827;">Waiting on a stated timeline</div>
</td></tr>
<tr><td style="padding:4px 24px 12px 24px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="font-size:13px;color:#374151;border-collapse:collapse;">
{{- range .Waiting}}
<tr>
<td valign="top" style="padding:6px 12px 6px 0;border-top:1px solid #f3f4f6;white-space:nowrap;"><b>until {{.When}}</b></td>
<td valign="top" style="padding:6px 0;border-top:1px solid #f3f4f6;">{{.Heading}}<br><span style="color:#6b7280;">{{.Why}}</span></td>
</tr>
{{- end}}
</table>
</td></tr>
{{- end}}

{{- if .Stopped}}
<tr><td style="padding:16px 24px 4px 24px;">
<div style="font-size:16px;font-weight:bold;color:#111827;">Stopped since the last digest</div>
</td></tr>
<tr><td style="padding:4px 24px 12px 24px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="font-size:13px;color:#374151;border-collapse:collapse;">
{{- range .Stopped}}
<tr>
<td valign="top" style="padding:6px 12px 6px 0;border-top:1px solid #f3f4f6;white-space:nowrap;"><b>{{.Reason}}</b><br><span style="color:#6b7280;">{{.When}}</span></td>
<td valign="top" style="padding:6px 0;border-top:1px solid #f3f4f6;">{{.Heading}}<br><span style="color:#6b7280;">{{.Detail}}</span></td>
</tr>
{{- end}}
</table>
</td></tr>
{{- end}}

<tr><td style="padding:16px 24px 4px 24px;">
<div style="font-size:16px;font-weight:bold;color:#111827;">Applications by state</div>
</td></tr>
<tr><td style="padding:4px 24px 20px 24px;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="font-size:13px;color:#374151;">
{{- range .Counts}}
<tr><td style="padding:2px 24px 2px 0;">{{.State}}</td><td align="right" style="padding:2px 0;">{{.N}}</td></tr>
{{- end}}
<tr><td style="padding:4px 24px 2px 0;border-top:1px solid #e5e7eb;"><b>total</b></td><td align="right" style="padding:4px 0 2px 0;border-top:1px solid #e5e7eb;"><b>{{.Total}}</b></td></tr>
</table>
</td></tr>

<tr><td style="padding:12px 24px;border-top:1px solid #e5e7eb;font-size:12px;color:#6b7280;">
Computed {{.Generated}}. Drafts are suggestions: read them, make them yours, then send.
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`))

type htmlDue struct {
	Heading, Kind, When, Why, To, Subject, Mailto string
	Body                                          template.HTML
	Overdue                                       bool
}

// draftHTML escapes a draft body and highlights the spot to personalise.
func draftHTML(body string) template.HTML {
	before, after, ok := strings.Cut(body, PersonalNote)
	if !ok {
		return template.HTML(template.HTMLEscapeString(body))
	}
	return template.HTML(template.HTMLEscapeString(before) +
		`<span style="background-color:#fef3c7;color:#92400e;font-weight:bold;">` + template.HTMLEscapeString(PersonalNote) + `</span>` +
		template.HTMLEscapeString(after))
}

type htmlRow struct{ When, Rel, Heading, Kind string }

type htmlWait struct{ When, Heading, Why string }

type htmlStop struct{ Reason, When, Heading, Detail string }

type htmlCount struct {
	State string
	N     int
}

type htmlPage struct {
	Title, Date, Summary, Generated string
	Due                             []htmlDue
	Upcoming                        []htmlRow
	Waiting                         []htmlWait
	Stopped                         []htmlStop
	Counts                          []htmlCount
	Total                           int
}

// HTML renders the digest as an HTML page suited to web mail clients.
func (d Digest) HTML() string {
	now := d.Now
	p := htmlPage{
		Title:     d.Subject(),
		Date:      now.Format("Monday 2 January"),
		Summary:   summary(d),
		Generated: now.Format("Mon 2 Jan 2006 15:04 MST"),
		Total:     d.Total(),
	}
	for _, it := range d.Due {
		when, overdue := dueLine(it, now)
		var to []string
		for _, a := range it.Draft.To {
			to = append(to, formatAddress(a))
		}
		toText := strings.Join(to, ", ")
		if toText == "" {
			toText = "(choose a recipient)"
		}
		p.Due = append(p.Due, htmlDue{
			Heading: heading(it.Application), Kind: kindTitle(it.Kind), When: when, Overdue: overdue,
			Why: it.Why, To: toText, Subject: it.Draft.Subject, Body: draftHTML(strings.TrimRight(it.Draft.Body, "\n")),
			Mailto: mailto(it.Draft),
		})
	}
	for _, it := range d.Upcoming {
		p.Upcoming = append(p.Upcoming, htmlRow{When: fmtWhen(it.Shown), Rel: inDays(it.Shown, now), Heading: heading(it.Application), Kind: kindTitle(it.Kind)})
	}
	for _, w := range d.Waiting {
		when := w.Until
		if t, err := time.ParseInLocation(time.DateOnly, w.Until, now.Location()); err == nil {
			when = t.Format("Mon 2 Jan")
		}
		p.Waiting = append(p.Waiting, htmlWait{When: when, Heading: heading(w.Application), Why: w.Why})
	}
	for _, s := range d.Stopped {
		p.Stopped = append(p.Stopped, htmlStop{Reason: reasonTitle(s.Reason), When: fmtWhen(s.At), Heading: heading(s.Application), Detail: reasonDetail(s.Reason)})
	}
	for _, c := range d.counts() {
		p.Counts = append(p.Counts, htmlCount{State: stateTitle(c.state), N: c.n})
	}
	var b bytes.Buffer
	if err := page.Execute(&b, p); err != nil {
		// The template is fixed and its data plain strings: a failure here
		// is a programming error.
		panic("digest: render html: " + err.Error())
	}
	return b.String()
}

// summary is the one-line overview under the title.
func summary(d Digest) string {
	parts := []string{plural(len(d.Due), "follow-up") + " due now"}
	if n := len(d.Upcoming); n > 0 {
		parts = append(parts, fmt.Sprintf("%d more this week", n))
	}
	if n := len(d.Waiting); n > 0 {
		parts = append(parts, plural(n, "application")+" waiting on a date")
	}
	if n := len(d.Stopped); n > 0 {
		parts = append(parts, plural(n, "change")+" since the last digest")
	}
	return strings.Join(parts, " · ")
}

// mailto is a link that opens the draft in the reader's mail program.
func mailto(d Draft) string {
	var to []string
	for _, a := range d.To {
		to = append(to, a.Addr)
	}
	q := func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }
	return "mailto:" + strings.Join(to, ",") + "?subject=" + q(d.Subject) + "&body=" + q(strings.TrimRight(d.Body, "\n"))
}

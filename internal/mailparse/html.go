package mailparse

import (
	"strings"

	"golang.org/x/net/html"
)

// blockTags start a new line in the text rendering of HTML.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "tr": true, "li": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "table": true, "blockquote": true,
	"section": true, "article": true, "header": true, "footer": true, "hr": true,
	"ul": true, "ol": true, "td": false, "title": true, "center": true, "pre": true,
}

// skipTags hold no readable text.
var skipTags = map[string]bool{"script": true, "style": true, "head": true, "noscript": true, "template": true, "svg": true}

// HTMLToText renders HTML as readable plain text of at most limit bytes. It
// uses a streaming tokenizer, so deep nesting costs no stack and no tree.
// Quoted HTML replies (<blockquote type="cite">, Gmail's gmail_quote) are
// rendered with "> " prefixes so SplitReply sets them apart.
func HTMLToText(src string, limit int) string {
	z := html.NewTokenizerFragment(strings.NewReader(src), "div")
	z.SetMaxBuf(1 << 20)
	var sb strings.Builder
	skip := 0
	quote := 0
	quoteStack := []bool{}
	newline := func() {
		s := sb.String()
		if len(s) > 0 && !strings.HasSuffix(s, "\n") {
			sb.WriteByte('\n')
		}
	}
	atLineStart := true
	for sb.Len() < limit {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return strings.TrimSpace(sb.String())
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			if skipTags[tag] {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			if tag == "blockquote" || tag == "div" {
				if tt == html.StartTagToken {
					isQuote := tag == "blockquote"
					for hasAttr {
						var k, v []byte
						k, v, hasAttr = z.TagAttr()
						if string(k) == "class" && strings.Contains(string(v), "gmail_quote") {
							isQuote = true
						}
					}
					if len(quoteStack) < 10000 {
						quoteStack = append(quoteStack, isQuote)
					}
					if isQuote {
						quote++
					}
				} else if tt == html.EndTagToken && len(quoteStack) > 0 {
					if quoteStack[len(quoteStack)-1] {
						quote--
					}
					quoteStack = quoteStack[:len(quoteStack)-1]
				}
			}
			if blockTags[tag] {
				newline()
				atLineStart = true
			} else if tag == "td" || tag == "th" {
				sb.WriteByte(' ')
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			t := strings.Join(strings.Fields(html.UnescapeString(string(z.Text()))), " ")
			if t == "" {
				continue
			}
			if atLineStart && quote > 0 {
				sb.WriteString(strings.Repeat(">", min(quote, 5)) + " ")
			} else if !atLineStart && !strings.HasSuffix(sb.String(), " ") {
				sb.WriteByte(' ')
			}
			sb.WriteString(t)
			atLineStart = false
		}
	}
	s := sb.String()
	if len(s) > limit {
		s = s[:limit]
	}
	return strings.TrimSpace(strings.ToValidUTF8(s, ""))
}

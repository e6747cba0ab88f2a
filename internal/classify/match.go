package classify

import (
	"fmt"
	"strconv"
	"strings"
)

// A pattern is a sequence of token elements, written as words separated by
// spaces:
//
//	word        the token itself
//	a|b|c       any of the alternatives
//	pre*        any token starting with "pre" (also inside alternatives)
//	elem?       the element may be absent
//	~N          up to N tokens of anything (inside one sentence)
//
// A pattern matches inside one sentence. The first element must not be
// optional, and its prefixes must have at least three letters, so that
// patterns can be indexed by it.

type elem struct {
	words    []string
	prefixes []string
	optional bool
	gap      int // > 0: skip 0..gap tokens
}

func (e *elem) matches(w string) bool {
	for _, x := range e.words {
		if x == w {
			return true
		}
	}
	for _, p := range e.prefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

func compilePattern(src string) ([]elem, error) {
	var out []elem
	for i, f := range strings.Fields(src) {
		var e elem
		if strings.HasPrefix(f, "~") {
			n, err := strconv.Atoi(f[1:])
			if err != nil || n <= 0 || i == 0 {
				return nil, fmt.Errorf("bad gap %q in %q", f, src)
			}
			e.gap = n
			out = append(out, e)
			continue
		}
		if strings.HasSuffix(f, "?") {
			e.optional = true
			f = strings.TrimSuffix(f, "?")
		}
		for _, a := range strings.Split(f, "|") {
			if a == "" {
				return nil, fmt.Errorf("empty alternative in %q", src)
			}
			if strings.HasSuffix(a, "*") {
				e.prefixes = append(e.prefixes, strings.TrimSuffix(a, "*"))
			} else {
				e.words = append(e.words, a)
			}
		}
		if i == 0 && e.optional {
			return nil, fmt.Errorf("first element of %q must not be optional", src)
		}
		if i == 0 {
			for _, p := range e.prefixes {
				if len(p) < 3 {
					return nil, fmt.Errorf("first-element prefix %q of %q is shorter than 3 letters", p, src)
				}
			}
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	return out, nil
}

// matchAt tries to match elems starting at token ti, staying before limit.
// It returns the index of the last matched token, or -1.
func matchAt(toks []token, elems []elem, ti, limit int) int {
	if len(elems) == 0 {
		return ti - 1
	}
	e := &elems[0]
	if e.gap > 0 {
		for skip := 0; skip <= e.gap && ti+skip <= limit; skip++ {
			if end := matchAt(toks, elems[1:], ti+skip, limit); end >= 0 {
				return end
			}
		}
		return -1
	}
	if ti < limit && e.matches(toks[ti].w) {
		if end := matchAt(toks, elems[1:], ti+1, limit); end >= 0 {
			return end
		}
	}
	if e.optional {
		return matchAt(toks, elems[1:], ti, limit)
	}
	return -1
}

package demo_test

import (
	"bytes"
	"fmt"
	"net/mail"
	"time"

	"github.com/inboxwatch/inboxwatch/internal/demo"
)

func ExampleMailbox() {
	now := time.Date(2026, time.March, 12, 15, 20, 0, 0, time.UTC)
	msgs := demo.Mailbox(now)

	count := map[string]int{}
	for _, m := range msgs {
		count[m.Mailbox]++
	}
	fmt.Println("INBOX:", count["INBOX"], "Sent:", count["Sent"])
	fmt.Println("from", msgs[0].Date.Format(time.DateOnly), "to", msgs[len(msgs)-1].Date.Format(time.DateOnly))

	fmt.Println("the last two days:")
	for _, m := range msgs {
		if now.Sub(m.Date) > 48*time.Hour {
			continue
		}
		h, err := mail.ReadMessage(bytes.NewReader(m.Raw))
		if err != nil {
			panic(err)
		}
		fmt.Println(m.Date.Format("Jan 2 15:04"), m.Mailbox, h.Header.Get("Subject"))
	}
	// Output:
	// INBOX: 53 Sent: 17
	// from 2026-02-04 to 2026-03-12
	// the last two days:
	// Mar 10 15:31 INBOX Thanks for applying to Ridgeback Security - Go Engineer, Detection Pipeline
	// Mar 11 09:12 INBOX Thanks for applying to Sundial Media!
	// Mar 11 11:25 INBOX Re: Thank you - Backend Engineer, Live Services interview
	// Mar 11 15:15 INBOX Reminder: your interview with Brightline Analytics
	// Mar 11 16:30 INBOX Your offer from Tessellate Robotics
	// Mar 12 13:03 INBOX "backend engineer": Copperleaf Bank - Senior Go Developer and 7 more
}

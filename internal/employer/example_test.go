package employer_test

import (
	"fmt"

	"github.com/inboxwatch/inboxwatch/internal/employer"
	"github.com/inboxwatch/inboxwatch/internal/mailparse"
)

func ExampleIdentify() {
	m := &mailparse.Message{
		From:    mailparse.Address{Name: "Acme Robotics Recruiting", Addr: "no-reply@us.greenhouse-mail.io"},
		Subject: "Your application: Senior Data Analyst (Remote) - R12345",
		Text:    "Hi Sam,\n\nThank you for applying to Acme Robotics. We will review your application and be in touch.",
	}
	id := employer.Identify(m)
	fmt.Printf("%s (%s)\n", id.Company, id.CompanyKey)
	fmt.Printf("%s (%s)\n", id.Role, id.RoleKey)
	fmt.Printf("relay %s, domain %q\n", id.Relay, id.Domain)
	// Output:
	// Acme Robotics (acme robotics)
	// Senior Data Analyst (senior data analyst)
	// relay greenhouse.io, domain ""
}

func ExampleCompanyKey() {
	for _, name := range []string{"Acme Robotics, Inc.", "ACME Robotics", "acme-robotics.example", "Acme Robotics Recruiting"} {
		fmt.Println(employer.CompanyKey(name))
	}
	// Output:
	// acme robotics
	// acme robotics
	// acme robotics
	// acme robotics
}

func ExampleRoleKey() {
	fmt.Println(employer.RoleKey("Sr. Backend Engineer (Remote) - JR-2044"))
	// Output: senior backend engineer
}

package schedule_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/lotse-bot/lotse/schedule"
)

func ExampleParse() {
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, berlin) // a Friday
	title, when := schedule.SplitTitle("Digitaler Wandel im Bezirk am 3.12. um 19 Uhr bis 21 Uhr")
	w, err := schedule.Parse(when, now, berlin)
	if err != nil {
		panic(err)
	}
	fmt.Println(title)
	fmt.Println(schedule.German.Range(w.Start, w.Duration))

	_, err = schedule.Parse("31.2. 19 Uhr", now, berlin)
	var pe *schedule.ParseError
	if errors.As(err, &pe) && errors.Is(err, schedule.ErrInvalidDate) {
		fmt.Println(pe.Message(), pe.Hint())
	}
	// Output:
	// Digitaler Wandel im Bezirk
	// Do, 3.12.2026, 19:00–21:00 Uhr
	// Den Tag „31.2.“ gibt es nicht. Prüf Tag und Monat, zum Beispiel „30.4.“ statt „31.4.“.
}

func ExampleRecurrence_Next() {
	w, _ := schedule.Parse("jeden Donnerstag 19 Uhr", time.Date(2026, 10, 20, 12, 0, 0, 0, berlin), berlin)
	next := w.Start
	for range 3 {
		fmt.Println(next.Format("Mon 2.1. 15:04 MST"))
		next = w.Recurrence.Next(next)
	}
	// Output:
	// Thu 22.10. 19:00 CEST
	// Thu 29.10. 19:00 CET
	// Thu 5.11. 19:00 CET
}

func ExampleDue() {
	start := time.Date(2026, 12, 3, 19, 0, 0, 0, berlin)
	plan := schedule.Reminders(start, []time.Duration{24 * time.Hour, time.Hour})
	// The bot was down from the day before until 18:30.
	due, skipped := schedule.Due(plan, time.Date(2026, 12, 3, 18, 30, 0, 0, berlin), start.Add(90*time.Minute))
	fmt.Println("send:", due[0].Format("2.1. 15:04"), "skip:", skipped[0].Format("2.1. 15:04"))
	// Output: send: 3.12. 18:00 skip: 2.12. 19:00
}

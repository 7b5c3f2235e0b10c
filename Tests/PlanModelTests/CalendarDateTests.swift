import Foundation
import PlanModel
import Testing

/// PLAN_FORMAT.md §5, date: exactly `YYYY-MM-DD`, a real calendar day.
struct CalendarDateTests {
    @Test func parsesAValidDate() throws {
        let date = try #require(CalendarDate(parsing: "2026-11-29"))
        #expect(date.year == 2026)
        #expect(date.month == 11)
        #expect(date.day == 29)
        #expect(date.description == "2026-11-29")
    }

    @Test(arguments: ["2028-02-29", "2000-02-29", "2026-02-28", "2026-12-31", "2026-11-30", "0001-01-01", "9999-12-31"])
    func acceptsRealDays(text: String) throws {
        let date = try #require(CalendarDate(parsing: text))
        #expect(date.description == text)
    }

    @Test(arguments: [
        "2026-02-29", "1900-02-29", "2100-02-29", "2026-11-31", "2026-04-31", "2026-13-01", "2026-00-10",
        "2026-01-00", "2026-01-32", "0000-01-01", "2026-1-5", "2026-01-5", "05/01/2026", "2026/01/05",
        "2026-11", "20261129", "2026-11-29 ", " 2026-11-29", "2026-11-29T00:00:00Z", "", "２０２６-11-29",
        "2026-1a-29", "+026-11-29",
    ])
    func rejectsEverythingElse(text: String) {
        #expect(CalendarDate(parsing: text) == nil)
    }

    @Test func memberwiseInitValidates() {
        #expect(CalendarDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2028, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2026, month: 11, day: 31) == nil)
        #expect(CalendarDate(year: 10000, month: 1, day: 1) == nil)
        #expect(CalendarDate(year: 2026, month: 0, day: 1) == nil)
    }

    @Test func leapYears() {
        #expect(CalendarDate.isLeap(2028))
        #expect(CalendarDate.isLeap(2000))
        #expect(!CalendarDate.isLeap(1900))
        #expect(!CalendarDate.isLeap(2026))
        #expect(CalendarDate.daysIn(month: 2, year: 2028) == 29)
        #expect(CalendarDate.daysIn(month: 2, year: 2026) == 28)
        #expect(CalendarDate.daysIn(month: 11, year: 2026) == 30)
        #expect(CalendarDate.daysIn(month: 12, year: 2026) == 31)
    }

    @Test func knownDayNumbers() throws {
        #expect(try #require(CalendarDate(parsing: "1970-01-01")).dayNumber == 0)
        #expect(try #require(CalendarDate(parsing: "1970-01-02")).dayNumber == 1)
        #expect(try #require(CalendarDate(parsing: "1969-12-31")).dayNumber == -1)
        #expect(try #require(CalendarDate(parsing: "2000-03-01")).dayNumber == 11_017)
        #expect(try #require(CalendarDate(parsing: "2026-11-29")).dayNumber == 20_786)
        #expect(CalendarDate(dayNumber: 20_786).description == "2026-11-29")
    }

    /// Walks day by day from 1600-01-01 to 2400-12-31 with a naive successor function: each step
    /// must add exactly one to the day number, and the day number must map back to the same date.
    @Test func dayNumberRoundTripsOverFourCenturies() throws {
        var date = try #require(CalendarDate(parsing: "1600-01-01"))
        let end = try #require(CalendarDate(parsing: "2400-12-31"))
        var expectedNumber = date.dayNumber
        var mismatches: [String] = []
        var steps = 0
        while date <= end {
            if date.dayNumber != expectedNumber { mismatches.append("\(date): \(date.dayNumber) != \(expectedNumber)") }
            if CalendarDate(dayNumber: expectedNumber) != date { mismatches.append("\(expectedNumber) -> \(CalendarDate(dayNumber: expectedNumber)), not \(date)") }
            if mismatches.count > 10 { break }
            // Naive successor.
            var (y, m, d) = (date.year, date.month, date.day + 1)
            if d > CalendarDate.daysIn(month: m, year: y) { d = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
            date = try #require(CalendarDate(year: y, month: m, day: d))
            expectedNumber += 1
            steps += 1
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(steps == 801 * 365 + 195) // 1600...2400: 801 years, 195 of them leap
    }

    @Test func addingAndCountingDays() throws {
        let date = try #require(CalendarDate(parsing: "2026-12-31"))
        #expect(date.adding(days: 1).description == "2027-01-01")
        #expect(date.adding(days: -365).description == "2025-12-31")
        #expect(date.adding(days: 0) == date)
        #expect(try #require(CalendarDate(parsing: "2028-02-28")).adding(days: 1).description == "2028-02-29")
        #expect(try #require(CalendarDate(parsing: "2026-02-28")).adding(days: 1).description == "2026-03-01")
        #expect(try #require(CalendarDate(parsing: "2026-03-01")).adding(days: -1).description == "2026-02-28")
        let reviewed = try #require(CalendarDate(parsing: "2026-08-31"))
        let asOf = try #require(CalendarDate(parsing: "2026-11-29"))
        #expect(reviewed.days(until: asOf) == 90)
        #expect(asOf.days(until: reviewed) == -90)
        #expect(reviewed.adding(days: 90) == asOf)
        #expect(try #require(CalendarDate(parsing: "2026-01-01")).days(until: try #require(CalendarDate(parsing: "2027-01-01"))) == 365)
        #expect(try #require(CalendarDate(parsing: "2028-01-01")).days(until: try #require(CalendarDate(parsing: "2029-01-01"))) == 366)
    }

    @Test func ordering() throws {
        let dates = ["2026-11-29", "2025-12-31", "2026-02-01", "2026-01-31"].compactMap { CalendarDate(parsing: $0) }
        #expect(dates.sorted().map(\.description) == ["2025-12-31", "2026-01-31", "2026-02-01", "2026-11-29"])
    }

    @Test func descriptionPadsWithZeros() throws {
        #expect(try #require(CalendarDate(year: 987, month: 1, day: 2)).description == "0987-01-02")
    }

    @Test func codableAsText() throws {
        let date = try #require(CalendarDate(parsing: "2026-03-05"))
        let json = try JSONEncoder().encode([date])
        #expect(String(decoding: json, as: UTF8.self) == #"["2026-03-05"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: json) == [date])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2026-02-29"]"#.utf8))
        }
    }
}

/// A date in the right form that the calendar does not have says which part is impossible (a
/// newcomer trial got "write dates as YYYY-MM-DD" for `2026-02-30`, which is written so).
struct CalendarDateImpossibilityTests {
    @Test(arguments: [
        ("2026-02-30", "February 2026 has 28 days"), ("2028/02/30", "February 2028 has 29 days"),
        ("2026-04-31", "April 2026 has 30 days"), ("2026-01-00", "January 2026 has 31 days"),
        ("2026-13-01", "there is no month 13: months are 01 to 12"), ("2026/00/10", "there is no month 00: months are 01 to 12"),
        ("0000-01-01", "there is no year 0000: years start at 0001"),
    ])
    func namesWhatIsImpossible(text: String, reason: String) {
        #expect(CalendarDate.impossibility(of: text) == reason)
    }

    @Test(arguments: ["2026-02-28", "2028-02-29", "2026-1-5", "05/01/2026", "2026-11", "2026/11-12", "someday", ""])
    func saysNothingOfADateOrOfAnotherForm(text: String) {
        #expect(CalendarDate.impossibility(of: text) == nil)
    }

    @Test func slashesOnlyWhenAsked() {
        #expect(CalendarDate.impossibility(of: "2026/02/30", slashes: false) == nil)
    }
}

import PlanEngine
import PlanModel

/// Fiscal quarters and years by `fiscal_year_start`, as the rollups' quarters. A fiscal year is
/// named by the calendar year it starts in: with `fiscal_year_start: 04-01`, `2027Q1` is April
/// to June 2027 and `2027Q4` January to March 2028.
public struct FiscalPeriod: Sendable, Hashable {
    public var start: CalendarDate
    public var end: CalendarDate

    /// The fiscal quarter holding `date`.
    public static func quarter(of date: CalendarDate, config: WorkspaceConfig) -> FiscalPeriod {
        let quarter = Rollup.fiscalQuarter(of: date, fiscalYearStart: config.fiscalYearStart)
        return FiscalPeriod(start: quarter.start, end: quarter.end)
    }

    /// The fiscal year holding `date`.
    public static func year(of date: CalendarDate, config: WorkspaceConfig) -> FiscalPeriod {
        let first = config.fiscalYearStart.month
        let year = date.month >= first ? date.year : date.year - 1
        return fiscalYear(year, config: config)
    }

    /// Fiscal year `year` (named by the calendar year it starts in).
    public static func fiscalYear(_ year: Int, config: WorkspaceConfig) -> FiscalPeriod {
        let first = config.fiscalYearStart.month
        let start = CalendarDate(year: year, month: first, day: 1) ?? CalendarDate(dayNumber: 0)
        let last = quarter(of: start.adding(days: 310), config: config).end
        return FiscalPeriod(start: start, end: last)
    }

    /// Quarter `number` (1–4) of fiscal year `year`.
    public static func quarter(_ number: Int, ofYear year: Int, config: WorkspaceConfig) -> FiscalPeriod {
        let start = fiscalYear(year, config: config).start
        let monthIndex = start.year * 12 + start.month - 1 + (number - 1) * 3
        let first = CalendarDate(year: monthIndex / 12, month: monthIndex % 12 + 1, day: 1) ?? start
        return quarter(of: first, config: config)
    }

    /// `2027Q1`: the fiscal quarter's name.
    public static func quarterName(of date: CalendarDate, config: WorkspaceConfig) -> String {
        let year = Self.year(of: date, config: config).start
        let months = (date.month - year.month + 12) % 12
        return "\(year.year)Q\(months / 3 + 1)"
    }

    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }
}

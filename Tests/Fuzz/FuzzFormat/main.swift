// libFuzzer target: the value formatter and the scales. The bytes are read as
// little-endian doubles (any bit pattern: NaN, infinities, subnormals, huge
// values); each is formatted in every format, and together they are a series
// fitted by a linear scale, ticked, and drawn as a chart (one style, chosen by the
// input's length) and a sparkline over a time scale.
import DbagKit
import CLibFuzzer
import Foundation

let end = Day("2025-12-31") ?? Day(ordinal: 0)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let raw = UnsafeRawBufferPointer(start: bytes, count: size)
    let values = stride(from: 0, to: size - size % 8, by: 8).map { offset in
        Double(bitPattern: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian)
    }
    let formatters = MetricFormat.allCases.map { ValueFormatter(format: $0, unit: "u") }
    for value in values {
        for formatter in formatters {
            _ = formatter.string(value)
            _ = formatter.string(value, withUnit: false, minus: .typographic)
        }
    }
    let tickCount = size % 12
    let scale = LinearScale.fitting(values, includeZero: size % 3 == 0, tickCount: tickCount, rangeStart: 200, rangeEnd: 10)
    for tick in scale.ticks(count: tickCount) { _ = scale(tick) }
    if let first = values.first, let last = values.last {
        _ = LinearScale.ticks(first, last, count: tickCount)
    }
    // A time scale over a span the bytes choose (up to ~30 years) and a plot width.
    let span = Int(size > 0 ? raw[0] : 0) * (size > 1 ? Int(raw[1]) : 1) % 11_000
    let width = values.last.map { $0.isFinite ? min(max($0, -1e6), 1e6) : 600 } ?? 600
    let time = TimeScale(start: end.advanced(by: -span), end: end, rangeStart: 0, rangeEnd: width)
    for tick in time.ticks() { _ = time(tick.day) }
    let points = values.enumerated().map { DayValue(day: end.advanced(by: $0.offset - values.count + 1), value: $0.element) }
    let format = formatters[size % formatters.count]
    let style = LineChart.Style.allCases[size % LineChart.Style.allCases.count]
    _ = LineChart(id: "c", title: "Fuzz", series: [ChartSeries(name: "a", points: points)], style: style, formatter: format).render()
    _ = Sparkline(points: points, name: "s", formatter: format).render()
    return 0
}

exit(DbagFuzzMain(CommandLine.argc, CommandLine.unsafeArgv))

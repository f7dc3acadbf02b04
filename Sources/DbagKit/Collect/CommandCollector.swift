import Foundation

/// `collect: { command: "…", timeout: 30s }`: a shell command run by `/bin/sh -c`
/// in the project folder.
///
/// A plain metric takes the first number on standard output (see
/// `NumberScanner`). A per-object metric reads one object per line: `key,value`,
/// `key,label,value`, or the same separated by tabs or spaces (`key label value`,
/// where the label may hold spaces when fields are space-separated). A non-zero exit is a
/// failure quoting the end of standard error; at the timeout, or past 1 MB of output,
/// the command and all its children are killed and the collection fails.
public struct CommandCollector: Collector {
    public var command: String
    /// Seconds before the command is killed.
    public var timeout: Double

    public init(command: String, timeout: Double = 30) {
        self.command = command
        self.timeout = timeout
    }

    public func collect(_ context: CollectContext) async throws -> [CollectedValue] {
        let output = try await ProcessRunner.run(command, in: context.config.directory.path, timeout: timeout)
        if output.timedOut {
            throw CollectError("command timed out after \(DurationText.format(timeout)) and was killed")
        }
        if output.outputOverLimit {
            throw CollectError("command output over \(ProcessRunner.outputLimitText) and was killed: a command collector prints one number (or one line per object)")
        }
        if let signal = output.signal {
            throw CollectError("command was killed by signal \(signal)" + Self.excerpt(output.stderr))
        }
        if let status = output.exitStatus, status != 0 {
            throw CollectError("command exited \(status)" + Self.excerpt(output.stderr))
        }
        let text = String(decoding: output.stdout, as: UTF8.self)
        if context.metric.per != nil { return try Self.objects(in: text) }
        guard let value = try NumberScanner.firstNumber(in: text) else {
            let shown = text.trimmingCharacters(in: .whitespacesAndNewlines)
            throw CollectError(shown.isEmpty ? "command printed nothing" : "no number in the command's output: \(Self.clip(shown))")
        }
        return [CollectedValue(value: value)]
    }

    /// Per-object lines: `key,value`, `key,label,value`, tab- or space-separated alike.
    static func objects(in text: String) throws -> [CollectedValue] {
        var values: [CollectedValue] = []
        var seen = Set<String>()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            let fields: [String]
            if line.contains("\t") {
                fields = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            } else if line.contains(",") {
                fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            } else {
                let words = line.split(separator: " ").map(String.init)
                fields = words.count > 3 ? [words[0], words[1..<(words.count - 1)].joined(separator: " "), words[words.count - 1]] : words
            }
            let number: Double?
            do {
                number = try fields.last.flatMap { try NumberScanner.wholeNumber($0) }
            } catch {
                throw CollectError("output line \(index + 1): \(error)")
            }
            guard fields.count == 2 || fields.count == 3, let key = fields.first, !key.isEmpty, let value = number else {
                throw CollectError("output line \(index + 1) is not `key,value` or `key,label,value`: \(clip(line))")
            }
            guard seen.insert(key).inserted else {
                throw CollectError("output line \(index + 1) repeats key '\(key)'")
            }
            values.append(CollectedValue(key: key, label: fields.count == 3 ? fields[1] : nil, value: value))
        }
        return values
    }

    /// `: <last line of stderr>`, or nothing when stderr is empty.
    static func excerpt(_ stderr: Data) -> String {
        let text = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return "" }
        let lines = text.split(separator: "\n").suffix(3).joined(separator: " / ")
        return ": " + clip(lines)
    }

    static func clip(_ text: String, to limit: Int = 200) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}
